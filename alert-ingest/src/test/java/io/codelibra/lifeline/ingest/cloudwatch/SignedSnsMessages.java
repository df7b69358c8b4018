package io.codelibra.lifeline.ingest.cloudwatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test-only SNS signing: RSA keys with self-signed certificates made by the JDK's {@code keytool}
 * (once per test JVM, nothing committed), fixture envelopes, and a signer that builds the string
 * to sign straight from AWS's description, independently of the code under test.
 */
final class SignedSnsMessages {

  static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:lifeline-alarms";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A key pair whose certificate is valid from a day ago for 30 days. */
  record TestKey(PrivateKey privateKey, X509Certificate certificate) {

    String certificatePem() {
      try {
        return "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Keys {
    static final TestKey SNS = generate("sns.amazonaws.com");
    static final TestKey ATTACKER = generate("sns.amazonaws.com");
  }

  private SignedSnsMessages() {
  }

  /** The key the tests' "SNS" signs with; its certificate is what the test servers serve. */
  static TestKey snsKey() {
    return Keys.SNS;
  }

  /** Another key with a certificate that looks the same: what a forger would have. */
  static TestKey attackerKey() {
    return Keys.ATTACKER;
  }

  /** A fixture from {@code src/test/resources/cloudwatch/}, as text. */
  static String fixture(String name) {
    try (InputStream in = SignedSnsMessages.class.getResourceAsStream("/cloudwatch/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture cloudwatch/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture envelope ({@code sns-*.json}) as an ordered, editable map. */
  static Map<String, Object> envelope(String name) {
    return envelopeOf(fixture(name));
  }

  /** A JSON envelope text as an ordered map. */
  static Map<String, Object> envelopeOf(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An alarm fixture ({@code alarm-*.json}) as an ordered, editable map. */
  static Map<String, Object> alarm(String name) {
    return envelope(name);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The notification fixture carrying this alarm, signed with {@code key} under {@code version}. */
  static String signedNotification(Map<String, Object> alarm, String certUrl, TestKey key, String version) {
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.put("Message", json(alarm));
    envelope.put("SigningCertURL", certUrl);
    return json(sign(envelope, key, version));
  }

  /** Sets SignatureVersion and Signature on the envelope, per AWS's algorithm. */
  static Map<String, Object> sign(Map<String, Object> envelope, TestKey key, String version) {
    envelope.put("SignatureVersion", version);
    try {
      Signature signer = Signature.getInstance(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
      signer.initSign(key.privateKey());
      signer.update(stringToSign(envelope).getBytes(StandardCharsets.UTF_8));
      envelope.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
      return envelope;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** AWS: "Message, MessageId, Subject (if present), Timestamp, TopicArn, Type" or, for confirmations, "Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type"; each as name, newline, value, newline. */
  static String stringToSign(Map<String, Object> envelope) {
    List<String> signed = "Notification".equals(envelope.get("Type"))
        ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
        : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
    StringBuilder text = new StringBuilder();
    for (String name : signed) {
      if (envelope.get(name) != null) {
        text.append(name).append('\n').append(envelope.get(name)).append('\n');
      }
    }
    return text.toString();
  }

  private static TestKey generate(String commonName) {
    try {
      Path dir = Files.createTempDirectory("sns-test-key");
      Path store = dir.resolve("key.p12");
      String password = "test-only";
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
          "-dname", "CN=" + commonName, "-startdate", "-1d", "-validity", "30",
          "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password,
          "-noprompt")
          .redirectErrorStream(true)
          .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keyStore.load(in, password.toCharArray());
      }
      TestKey key = new TestKey((PrivateKey) keyStore.getKey("sns", password.toCharArray()),
          (X509Certificate) keyStore.getCertificate("sns"));
      Files.delete(store);
      Files.delete(dir);
      return key;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not generate a test key with keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
