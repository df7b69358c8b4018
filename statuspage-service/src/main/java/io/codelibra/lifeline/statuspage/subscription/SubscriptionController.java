package io.codelibra.lifeline.statuspage.subscription;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.events.SubscriberConfirmation;
import io.codelibra.lifeline.events.SubscriberRegistration;
import io.codelibra.lifeline.events.SubscriberRemoval;
import io.codelibra.lifeline.statuspage.admin.AdminRequestException;
import io.codelibra.lifeline.statuspage.admin.StatusPageCommands;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.subscriber.ConfirmationMailer;
import io.codelibra.lifeline.statuspage.subscriber.ConfirmationNotSent;
import io.codelibra.lifeline.statuspage.subscriber.SubscriptionLinks;
import io.github.bucket4j.Bucket;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public subscription flow, without an API key (like Statuspage's subscribe form): {@code POST /subscriptions}
 * registers an unconfirmed e-mail subscriber and mails the confirmation link (double opt-in: nothing is sent to an
 * address until its owner confirms); the confirm and unsubscribe links show a page whose button POSTs the token
 * back. Tokens are HMACs checked in constant time; the form is rate-limited for the whole page.
 */
@RestController
public class SubscriptionController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final StatusPageCommands commands;
  private final SubscriptionLinks links;
  private final ConfirmationMailer mailer;
  private final Bucket signups;

  public SubscriptionController(StatusPageCommands commands, SubscriptionLinks links, ConfirmationMailer mailer, Bucket signups) {
    this.commands = commands;
    this.links = links;
    this.mailer = mailer;
    this.signups = signups;
  }

  @PostMapping(path = "/subscriptions", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
  public ResponseEntity<String> subscribe(@RequestParam String email, @RequestParam(required = false) List<String> components) {
    if (!signups.tryConsume(1)) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60").contentType(HTML)
          .body(SubscriptionPages.message(page().settings().name(), "Too many sign-ups", "Please try again in a minute."));
    }
    String address = address(email);
    PageSnapshot page = page();
    List<String> interests = components == null ? List.of() : components;
    interests.forEach(id -> page.component(id).orElseThrow(() -> AdminRequestException.invalid("no component " + id)));
    String id = UUID.randomUUID().toString();
    commands.send(subscriber(id), SubscriberRegistration.newBuilder().setSubscriberId(id).setChannel(SubscriberChannel.email)
        .setAddress(address).setConfirmed(false).setComponentIds(interests).build(), "subscriber/" + id);
    try {
      mailer.send(id, address, page.settings().name());
    } catch (ConfirmationNotSent e) {
      throw new AdminRequestException(HttpStatus.SERVICE_UNAVAILABLE, "Confirmation e-mail not sent", e.getMessage());
    }
    return ResponseEntity.accepted().contentType(HTML).body(SubscriptionPages.message(page.settings().name(), "Check your inbox",
        "We sent a confirmation link to " + address + ". You will get updates once you follow it."));
  }

  @GetMapping(path = "/subscriptions/{id}/confirm", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> confirmPage(@PathVariable String id, @RequestParam String token) {
    requireToken(links.confirms(id, token));
    return html(SubscriptionPages.confirmForm(page().settings().name(), "Confirm your subscription",
        "Confirm that you want e-mail updates from " + page().settings().name() + ".", "/subscriptions/" + id + "/confirm", token,
        "Confirm subscription"));
  }

  @PostMapping(path = "/subscriptions/{id}/confirm", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> confirm(@PathVariable String id, @RequestParam String token) {
    requireToken(links.confirms(id, token));
    commands.send(subscriber(id), new SubscriberConfirmation(id), "subscriber/" + id);
    return html(SubscriptionPages.message(page().settings().name(), "Subscription confirmed",
        "You will be told of incidents and maintenance by e-mail. Every e-mail has an unsubscribe link."));
  }

  @GetMapping(path = "/subscriptions/{id}/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> unsubscribePage(@PathVariable String id, @RequestParam String token) {
    requireToken(links.unsubscribes(id, token));
    return html(SubscriptionPages.confirmForm(page().settings().name(), "Unsubscribe", "Stop e-mail updates from "
        + page().settings().name() + "?", "/subscriptions/" + id + "/unsubscribe", token, "Unsubscribe"));
  }

  /** Also the target of one-click unsubscribe (RFC 8058 {@code List-Unsubscribe-Post}). */
  @PostMapping(path = "/subscriptions/{id}/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> unsubscribe(@PathVariable String id, @RequestParam String token) {
    requireToken(links.unsubscribes(id, token));
    if (page().subscriber(id).isPresent()) {
      commands.send(subscriber(id), new SubscriberRemoval(id), "subscriber/" + id);
    }
    return html(SubscriptionPages.message(page().settings().name(), "Unsubscribed", "You will get no more e-mails from us."));
  }

  private PageSnapshot page() {
    return commands.page();
  }

  private static Actor subscriber(String id) {
    return new Actor(ActorType.user, "subscriber:" + id, null);
  }

  private static void requireToken(boolean valid) {
    if (!valid) {
      throw AdminRequestException.notFound("this link is not valid");
    }
  }

  private static String address(String email) {
    try {
      InternetAddress address = new InternetAddress(email.strip(), true);
      address.validate();
      if (address.getAddress().length() > 254) {
        throw AdminRequestException.invalid("the e-mail address is too long");
      }
      return address.getAddress().toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      throw AdminRequestException.invalid("not an e-mail address: " + e.getMessage());
    }
  }

  private static ResponseEntity<String> html(String body) {
    return ResponseEntity.ok().contentType(HTML).body(body);
  }
}
