package io.codelibra.lifeline.ingest.cloudwatch;

import io.codelibra.lifeline.ingest.cloudwatch.SnsVerificationFailure.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS signing certificates fetched over HTTP(S) with the JDK's client and kept by URL: SNS signs
 * every message of a region with the same certificate for months, so a certificate is fetched once,
 * not per message. Redirects are not followed (the allow-list judged this URL, not another one).
 */
public final class SnsCertificateCache implements SigningCertificates {

  /** Real SNS certificates are under 2 KiB; anything far larger is not one. */
  static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

  private final HttpClient http;
  private final Duration timeout;
  private final Map<URI, X509Certificate> cache;

  public SnsCertificateCache(HttpClient http, Duration timeout, int maxEntries) {
    this.http = http;
    this.timeout = timeout;
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<URI, X509Certificate> eldest) {
        return size() > maxEntries;
      }
    };
  }

  @Override
  public X509Certificate certificateAt(URI url) {
    synchronized (cache) {
      X509Certificate cached = cache.get(url);
      if (cached != null) {
        return cached;
      }
    }
    // Fetched outside the lock: a slow certificate host must not stall messages of other regions.
    X509Certificate fetched = parse(fetch(url));
    synchronized (cache) {
      cache.put(url, fetched);
    }
    return fetched;
  }

  private byte[] fetch(URI url) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() >= 500) {
          throw new SnsVerificationFailure(Reason.CERTIFICATE_UNAVAILABLE,
              "the signing certificate host answered " + response.statusCode());
        }
        if (response.statusCode() != 200) {
          throw new SnsVerificationFailure(Reason.BAD_CERTIFICATE,
              "SigningCertURL answered " + response.statusCode() + ", not a certificate");
        }
        byte[] bytes = body.readNBytes(MAX_CERTIFICATE_BYTES + 1);
        if (bytes.length > MAX_CERTIFICATE_BYTES) {
          throw new SnsVerificationFailure(Reason.BAD_CERTIFICATE, "SigningCertURL serves more than a certificate");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new SnsVerificationFailure(Reason.CERTIFICATE_UNAVAILABLE,
          "the signing certificate could not be fetched: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SnsVerificationFailure(Reason.CERTIFICATE_UNAVAILABLE,
          "interrupted while fetching the signing certificate", e);
    }
  }

  private static X509Certificate parse(byte[] pem) {
    try {
      if (CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem))
          instanceof X509Certificate certificate) {
        return certificate;
      }
    } catch (CertificateException e) {
      throw new SnsVerificationFailure(Reason.BAD_CERTIFICATE, "SigningCertURL does not serve an X.509 certificate", e);
    }
    throw new SnsVerificationFailure(Reason.BAD_CERTIFICATE, "SigningCertURL does not serve an X.509 certificate");
  }
}
