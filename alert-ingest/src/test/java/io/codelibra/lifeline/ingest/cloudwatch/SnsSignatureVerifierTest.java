package io.codelibra.lifeline.ingest.cloudwatch;

import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.attackerKey;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.envelope;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.json;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.sign;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.snsKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.ingest.cloudwatch.SnsVerificationFailure.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnsSignatureVerifierTest {

  private static final String CERT_URL =
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem";

  /** Serves the tests' SNS certificate at every URL and remembers what was asked for. */
  private final List<URI> fetched = new ArrayList<>();
  private final SigningCertificates certificates = url -> {
    fetched.add(url);
    return snsKey().certificate();
  };
  private final SnsMessageReader reader = new SnsMessageReader();
  private final SnsSignatureVerifier verifier = verifierAt(Clock.systemUTC());

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void verifiesANotificationWithSubjectSignedBySns(String version) {
    Map<String, Object> envelope = sign(envelope("sns-notification.json"), snsKey(), version);

    assertThatCode(() -> verifier.verify(read(envelope))).doesNotThrowAnyException();
    assertThat(fetched).containsExactly(URI.create(CERT_URL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void verifiesANotificationWithoutSubject(String version) {
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.remove("Subject");

    assertThatCode(() -> verifier.verify(read(sign(envelope, snsKey(), version)))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sns-subscription-confirmation.json", "sns-unsubscribe-confirmation.json"})
  void verifiesBothConfirmationsUnderBothVersions(String fixture) {
    assertThatCode(() -> verifier.verify(read(sign(envelope(fixture), snsKey(), "1")))).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(read(sign(envelope(fixture), snsKey(), "2")))).doesNotThrowAnyException();
  }

  @Test
  void refusesAMessageChangedAfterSigning() {
    Map<String, Object> envelope = sign(envelope("sns-notification.json"), snsKey(), "2");
    envelope.put("Message", ((String) envelope.get("Message")).replace("\"ALARM\"", "\"OK\""));

    assertRefused(envelope, Reason.BAD_SIGNATURE, "SNS signature does not verify");
  }

  @Test
  void refusesAnAddedSubjectBecauseSubjectIsSignedWhenPresent() {
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.remove("Subject");
    sign(envelope, snsKey(), "2");
    envelope.put("Subject", "OK: all good");

    assertRefused(envelope, Reason.BAD_SIGNATURE, "SNS signature does not verify");
  }

  @Test
  void refusesASubscribeUrlSwappedAfterSigning() {
    Map<String, Object> envelope = sign(envelope("sns-subscription-confirmation.json"), snsKey(), "2");
    envelope.put("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=other");

    assertRefused(envelope, Reason.BAD_SIGNATURE, "SNS signature does not verify");
  }

  @Test
  void refusesASignatureMadeWithAnotherKey() {
    assertRefused(sign(envelope("sns-notification.json"), attackerKey(), "2"), Reason.BAD_SIGNATURE,
        "SNS signature does not verify");
  }

  @Test
  void refusesAVersion1SignatureClaimingToBeVersion2() {
    Map<String, Object> envelope = sign(envelope("sns-notification.json"), snsKey(), "1");
    envelope.put("SignatureVersion", "2");

    assertRefused(envelope, Reason.BAD_SIGNATURE, "SNS signature does not verify");
  }

  @Test
  void refusesASignatureThatIsNotBase64() {
    Map<String, Object> envelope = sign(envelope("sns-notification.json"), snsKey(), "2");
    envelope.put("Signature", "not base64 at all!");

    assertRefused(envelope, Reason.BAD_SIGNATURE, "SNS signature does not verify");
  }

  @Test
  void refusesSignatureVersionsOtherThanOneAndTwo() {
    Map<String, Object> envelope = sign(envelope("sns-notification.json"), snsKey(), "2");
    envelope.put("SignatureVersion", "3");

    assertRefused(envelope, Reason.UNSUPPORTED_SIGNATURE_VERSION, "SignatureVersion '3' is not 1 or 2");
    assertThat(fetched).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://attacker.example/SimpleNotificationService-1.pem",
      "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem",
      "https://sns.us-east-1.amazonaws.com.attacker.example/SimpleNotificationService-1.pem"})
  void refusesACertificateUrlOutsideTheAllowListWithoutFetchingIt(String certUrl) {
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.put("SigningCertURL", certUrl);

    assertRefused(sign(envelope, snsKey(), "2"), Reason.UNTRUSTED_CERTIFICATE_URL, "SigningCertURL is not on the allow-list");
    assertThat(fetched).isEmpty();
  }

  @Test
  void refusesACertificateThatHasExpired() {
    SnsSignatureVerifier later = verifierAt(Clock.fixed(Instant.now().plus(Duration.ofDays(40)), ZoneOffset.UTC));

    assertThatThrownBy(() -> later.verify(read(sign(envelope("sns-notification.json"), snsKey(), "2"))))
        .isInstanceOfSatisfying(SnsVerificationFailure.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CERTIFICATE))
        .hasMessage("the signing certificate is not valid now");
  }

  @Test
  void refusesACertificateThatIsNotYetValid() {
    SnsSignatureVerifier earlier = verifierAt(Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC));

    assertThatThrownBy(() -> earlier.verify(read(sign(envelope("sns-notification.json"), snsKey(), "1"))))
        .isInstanceOfSatisfying(SnsVerificationFailure.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CERTIFICATE));
  }

  private SnsSignatureVerifier verifierAt(Clock clock) {
    return new SnsSignatureVerifier(SnsUrlAllowList.of("p", SnsProperties.AWS_SNS_HOST, true), certificates, clock);
  }

  private void assertRefused(Map<String, Object> envelope, Reason reason, String message) {
    assertThatThrownBy(() -> verifier.verify(read(envelope)))
        .isInstanceOfSatisfying(SnsVerificationFailure.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageStartingWith(message);
  }

  private SnsMessage read(Map<String, Object> envelope) {
    return reader.read(json(envelope).getBytes(StandardCharsets.UTF_8));
  }
}
