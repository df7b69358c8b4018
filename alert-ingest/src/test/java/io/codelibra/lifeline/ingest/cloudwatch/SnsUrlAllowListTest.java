package io.codelibra.lifeline.ingest.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnsUrlAllowListTest {

  private final SnsUrlAllowList aws = SnsUrlAllowList.of("p", SnsProperties.AWS_SNS_HOST, true);

  @ParameterizedTest
  @ValueSource(strings = {
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem",
      "https://sns.eu-central-2.amazonaws.com/SimpleNotificationService-abc.pem",
      "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
      "https://SNS.US-WEST-2.AMAZONAWS.COM/?Action=ConfirmSubscription&Token=x",
      "https://sns.us-east-1.amazonaws.com:443/cert.pem"})
  void acceptsSnsRegionalEndpointsOverHttps(String url) {
    assertThat(aws.permit(url)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://sns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem",
      "https://evilsns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com.cn.evil.example/cert.pem",
      "https://sqs.us-east-1.amazonaws.com/cert.pem",
      "https://sns.amazonaws.com@evil.example/cert.pem",
      "https://sns.us-east-1.amazonaws.com@sns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
      "file:///etc/passwd",
      "/SimpleNotificationService.pem",
      "https://sns.us-east-1.amazonaws.com/cert pem with spaces",
      ""})
  void refusesEverythingElse(String url) {
    assertThat(aws.permit(url)).isEmpty();
  }

  @Test
  void refusesAbsentUrls() {
    assertThat(aws.permit(null)).isEmpty();
  }

  @Test
  void allowsPlainHttpAndAnyPortOnlyWhenHttpsIsNotRequired() {
    SnsUrlAllowList local = SnsUrlAllowList.of("p", "^127[.]0[.]0[.]1$", false);

    assertThat(local.permit("http://127.0.0.1:39251/cert.pem")).isPresent();
    assertThat(local.permit("http://localhost:39251/cert.pem")).isEmpty();
    assertThat(local.permit("ftp://127.0.0.1/cert.pem")).isEmpty();
  }

  @Test
  void aPatternThatDoesNotCompileNamesTheSetting() {
    assertThatThrownBy(() -> SnsUrlAllowList.of("lifeline.ingest.sns.signing-cert-host-pattern", "sns.(", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lifeline.ingest.sns.signing-cert-host-pattern=sns.(");
  }
}
