package io.codelibra.lifeline.ingest.cloudwatch;

import java.net.URI;
import java.security.cert.X509Certificate;

/** Where the verifier gets the certificate a {@code SigningCertURL} names (over HTTP, or a fake in tests). */
public interface SigningCertificates {

  /**
   * The certificate at an already allow-listed URL.
   *
   * @throws SnsVerificationFailure CERTIFICATE_UNAVAILABLE when the host did not answer usefully,
   *     BAD_CERTIFICATE when what it served is not an X.509 certificate
   */
  X509Certificate certificateAt(URI url);
}
