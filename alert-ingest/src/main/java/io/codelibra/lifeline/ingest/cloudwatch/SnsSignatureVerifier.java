package io.codelibra.lifeline.ingest.cloudwatch;

import io.codelibra.lifeline.ingest.cloudwatch.SnsVerificationFailure.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;

/**
 * Proves an SNS message is SNS's, per AWS's "Verifying the signatures of Amazon SNS messages": the
 * {@code SigningCertURL} must be on the allow-list, the certificate there must be valid now, and the
 * Base64 {@code Signature} must verify over the message's string to sign with SHA1withRSA
 * (SignatureVersion 1) or SHA256withRSA (SignatureVersion 2).
 */
public final class SnsSignatureVerifier {

  private final SnsUrlAllowList certificateUrls;
  private final SigningCertificates certificates;
  private final Clock clock;

  public SnsSignatureVerifier(SnsUrlAllowList certificateUrls, SigningCertificates certificates, Clock clock) {
    this.certificateUrls = certificateUrls;
    this.certificates = certificates;
    this.clock = clock;
  }

  /** @throws SnsVerificationFailure when the message cannot be shown to be SNS's */
  public void verify(SnsMessage message) {
    String algorithm = switch (message.signatureVersion()) {
      case "1" -> "SHA1withRSA";
      case "2" -> "SHA256withRSA";
      default -> throw new SnsVerificationFailure(Reason.UNSUPPORTED_SIGNATURE_VERSION,
          "SignatureVersion '" + message.signatureVersion() + "' is not 1 or 2");
    };
    // Checked before anything is fetched: the receiver never contacts a host the message chose.
    URI certificateUrl = certificateUrls.permit(message.signingCertUrl())
        .orElseThrow(() -> new SnsVerificationFailure(Reason.UNTRUSTED_CERTIFICATE_URL,
            "SigningCertURL is not on the allow-list (" + certificateUrls + ")"));
    X509Certificate certificate = certificates.certificateAt(certificateUrl);
    try {
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new SnsVerificationFailure(Reason.BAD_CERTIFICATE, "the signing certificate is not valid now", e);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(message.signature().trim());
    } catch (IllegalArgumentException e) {
      throw new SnsVerificationFailure(Reason.BAD_SIGNATURE, "SNS signature does not verify", e);
    }
    if (!verifies(algorithm, certificate, message.stringToSign(), signature)) {
      throw new SnsVerificationFailure(Reason.BAD_SIGNATURE, "SNS signature does not verify");
    }
  }

  private static boolean verifies(String algorithm, X509Certificate certificate, String signed, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate);
      verifier.update(signed.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (InvalidKeyException e) {
      throw new SnsVerificationFailure(Reason.BAD_CERTIFICATE, "the signing certificate's key cannot verify "
          + algorithm, e);
    } catch (SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is required by the Java platform", e);
    }
  }
}
