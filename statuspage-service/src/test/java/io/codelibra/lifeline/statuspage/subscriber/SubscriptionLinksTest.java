package io.codelibra.lifeline.statuspage.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.statuspage.page.PageSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class SubscriptionLinksTest {

  private static final String SECRET = "l1nk-s3cr3t";
  private final SubscriptionLinks links = new SubscriptionLinks(SECRET, URI.create("http://localhost:8083"));

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String tokenOf(URI link) {
    return UriComponentsBuilder.fromUri(link).build().getQueryParams().getFirst("token");
  }

  @Test
  void linksAreAbsoluteUnderThePublicUrlAndCarryTheHmacOfActionAndSubscriber() throws Exception {
    assertThat(links.confirmUrl("sub-1")).isEqualTo(URI.create(
        "http://localhost:8083/subscriptions/sub-1/confirm?token=" + hmac(SECRET, "confirm:sub-1")));
    assertThat(links.unsubscribeUrl("sub-1")).isEqualTo(URI.create(
        "http://localhost:8083/subscriptions/sub-1/unsubscribe?token=" + hmac(SECRET, "unsubscribe:sub-1")));
  }

  @Test
  void keepsAPublicUrlsPathAndEncodesTheSubscriberId() {
    SubscriptionLinks behindAProxy = new SubscriptionLinks(SECRET, URI.create("https://example.com/status/"));

    assertThat(behindAProxy.confirmUrl("sub 1/x").toString())
        .startsWith("https://example.com/status/subscriptions/sub%201%2Fx/confirm?token=");
  }

  @Test
  void acceptsEachTokenForItsOwnSubscriberAndActionOnly() {
    String confirm = tokenOf(links.confirmUrl("sub-1"));
    String unsubscribe = tokenOf(links.unsubscribeUrl("sub-1"));

    assertThat(links.confirms("sub-1", confirm)).isTrue();
    assertThat(links.unsubscribes("sub-1", unsubscribe)).isTrue();
    assertThat(links.confirms("sub-1", unsubscribe)).as("an unsubscribe token does not confirm").isFalse();
    assertThat(links.unsubscribes("sub-1", confirm)).as("a confirm token does not unsubscribe").isFalse();
    assertThat(links.confirms("sub-2", confirm)).as("another subscriber's token").isFalse();
    assertThat(links.unsubscribes("sub-2", unsubscribe)).as("another subscriber's token").isFalse();
  }

  @Test
  void refusesWrongMissingAndForeignTokens() {
    String confirm = tokenOf(links.confirmUrl("sub-1"));
    SubscriptionLinks otherSecret = new SubscriptionLinks("another-secret", URI.create("http://localhost:8083"));

    assertThat(links.confirms("sub-1", confirm.substring(1))).isFalse();
    assertThat(links.confirms("sub-1", "A" + confirm.substring(1))).isFalse();
    assertThat(links.confirms("sub-1", "")).isFalse();
    assertThat(links.confirms("sub-1", null)).isFalse();
    assertThat(links.confirms(null, confirm)).isFalse();
    assertThat(otherSecret.confirms("sub-1", confirm)).as("made with another secret").isFalse();
  }

  @Test
  void needsASecretAndNeverShowsIt() {
    assertThatThrownBy(() -> new SubscriptionLinks("", URI.create("http://localhost:8083")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(links).asString().doesNotContain(SECRET);
  }

  @Test
  void linksToThePagesOwnUrlOrElseThePublicUrl() {
    assertThat(links.pageUrl(Pages.SETTINGS)).isEqualTo(URI.create("https://status.acme.test"));
    assertThat(links.pageUrl(new PageSettings("acme", "Acme", null,
        Pages.SETTINGS.timeZone(), 90, Pages.SETTINGS.nextUpdateIn()))).isEqualTo(URI.create("http://localhost:8083"));
  }
}
