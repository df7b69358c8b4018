package io.codelibra.lifeline.ingest.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SnsPropertiesTest {

  @Test
  void withNothingConfiguredOnlySnsOverHttpsIsTrustedAndInsufficientDataFires() {
    SnsProperties properties = bind(Map.of());

    assertThat(properties.requireHttps()).isTrue();
    assertThat(properties.insufficientData()).isEqualTo(InsufficientDataPolicy.FIRING);
    assertThat(properties.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.signingCertUrls().permit("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem"))
        .isPresent();
    assertThat(properties.subscribeUrls().permit("https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription"))
        .isPresent();
    assertThat(properties.signingCertUrls().permit("http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem"))
        .isEmpty();
  }

  @Test
  void everySettingCanBeChangedInKebabCase() {
    SnsProperties properties = bind(Map.of(
        "lifeline.ingest.sns.signing-cert-host-pattern", "^certs[.]internal$",
        "lifeline.ingest.sns.subscribe-url-host-pattern", "^sns[.]internal$",
        "lifeline.ingest.sns.require-https", "false",
        "lifeline.ingest.sns.insufficient-data", "ignore",
        "lifeline.ingest.sns.http-timeout", "2s"));

    assertThat(properties.insufficientData()).isEqualTo(InsufficientDataPolicy.IGNORE);
    assertThat(properties.httpTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.signingCertUrls().permit("http://certs.internal:8080/c.pem")).isPresent();
    assertThat(properties.signingCertUrls().permit("https://sns.us-east-1.amazonaws.com/c.pem")).isEmpty();
    assertThat(properties.subscribeUrls().permit("http://sns.internal/?Action=ConfirmSubscription")).isPresent();
  }

  @Test
  void aBrokenPatternIsReportedWithItsSettingName() {
    SnsProperties properties = bind(Map.of("lifeline.ingest.sns.subscribe-url-host-pattern", "sns.[a-z"));

    assertThatThrownBy(properties::subscribeUrls).hasMessageStartingWith("lifeline.ingest.sns.subscribe-url-host-pattern=");
  }

  private static SnsProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("lifeline.ingest.sns", SnsProperties.class);
  }
}
