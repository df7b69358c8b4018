package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.statuspage.page.PageSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links a subscriber gets: {@code GET {public-url}/subscriptions/{id}/confirm?token=...} (double opt-in) and
 * {@code .../unsubscribe?token=...}. A token is the base64url HMAC-SHA256 of {@code confirm:<id>} or
 * {@code unsubscribe:<id>} under the link secret, so it works for that subscriber and that action only, and needs
 * no storage; it is checked in constant time.
 */
public final class SubscriptionLinks {

  private static final String CONFIRM = "confirm";
  private static final String UNSUBSCRIBE = "unsubscribe";

  private final SecretKeySpec key;
  private final URI publicUrl;

  public SubscriptionLinks(String secret, URI publicUrl) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the subscription link secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.publicUrl = publicUrl;
  }

  public URI confirmUrl(String subscriberId) {
    return link(subscriberId, CONFIRM);
  }

  public URI unsubscribeUrl(String subscriberId) {
    return link(subscriberId, UNSUBSCRIBE);
  }

  /** Whether {@code token} is the confirm token of this subscriber. */
  public boolean confirms(String subscriberId, String token) {
    return matches(CONFIRM, subscriberId, token);
  }

  /** Whether {@code token} is the unsubscribe token of this subscriber. */
  public boolean unsubscribes(String subscriberId, String token) {
    return matches(UNSUBSCRIBE, subscriberId, token);
  }

  /** The status page itself: the page's own URL when it has one, else this service's public URL. */
  public URI pageUrl(PageSettings page) {
    return page.url() == null || page.url().isBlank() ? publicUrl : URI.create(page.url());
  }

  String token(String action, String subscriberId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((action + ":" + subscriberId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private boolean matches(String action, String subscriberId, String token) {
    if (subscriberId == null || token == null) {
      return false;
    }
    return MessageDigest.isEqual(token(action, subscriberId).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  private URI link(String subscriberId, String action) {
    return UriComponentsBuilder.fromUri(publicUrl)
        .pathSegment("subscriptions", subscriberId, action)
        .queryParam("token", token(action, subscriberId))
        .build()
        .encode()
        .toUri();
  }

  @Override
  public String toString() {
    return "SubscriptionLinks[publicUrl=" + publicUrl + ", secret=(set)]";
  }
}
