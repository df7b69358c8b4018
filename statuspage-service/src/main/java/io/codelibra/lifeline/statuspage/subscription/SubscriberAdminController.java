package io.codelibra.lifeline.statuspage.subscription;

import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.events.SubscriberRegistration;
import io.codelibra.lifeline.events.SubscriberRemoval;
import io.codelibra.lifeline.statuspage.admin.AdminRequestException;
import io.codelibra.lifeline.statuspage.admin.StatusPageCommands;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberState;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' subscribers: list them, register signed webhook subscribers (confirmed at once: an
 * administrator vouches for the URL), and remove any subscriber.
 */
@RestController
@RequestMapping("/api/v1/subscribers")
public class SubscriberAdminController {

  private final StatusPageCommands commands;

  public SubscriberAdminController(StatusPageCommands commands) {
    this.commands = commands;
  }

  /** Reads are not authenticated, so addresses are masked: subscribers' e-mail addresses are personal data. */
  @GetMapping
  public List<SubscriberView> subscribers() {
    return commands.page().subscribers().stream().map(SubscriberView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> webhook(@RequestHeader(name = "From", required = false) String from, @RequestBody WebhookRequest request) {
    if (request.url() == null || !(request.url().startsWith("https://") || request.url().startsWith("http://"))) {
      throw AdminRequestException.invalid("url must be an http(s) URL");
    }
    try {
      URI.create(request.url()).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw AdminRequestException.invalid("url is not a valid URL: " + e.getMessage());
    }
    PageSnapshot page = commands.page();
    List<String> components = request.components() == null ? List.of() : request.components();
    components.forEach(id -> page.component(id).orElseThrow(() -> AdminRequestException.invalid("no component " + id)));
    String id = UUID.randomUUID().toString();
    return commands.send(StatusPageCommands.operator(from), SubscriberRegistration.newBuilder().setSubscriberId(id)
        .setChannel(SubscriberChannel.webhook).setAddress(request.url()).setConfirmed(true).setComponentIds(components).build(),
        "subscriber/" + id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> remove(@PathVariable String id, @RequestHeader(name = "From", required = false) String from) {
    commands.page().subscriber(id).orElseThrow(() -> AdminRequestException.notFound("no subscriber " + id));
    return commands.send(StatusPageCommands.operator(from), new SubscriberRemoval(id), "subscriber/" + id);
  }

  /** A subscriber as listed: the address masked (e-mail: first letter and domain; webhook: scheme and host). */
  public record SubscriberView(String id, SubscriberChannel channel, String address, boolean confirmed, List<String> components,
      Instant createdAt) {

    static SubscriberView of(SubscriberState subscriber) {
      return new SubscriberView(subscriber.id(), subscriber.channel(), mask(subscriber), subscriber.confirmed(),
          subscriber.componentIds(), subscriber.createdAt());
    }

    private static String mask(SubscriberState subscriber) {
      String address = subscriber.address();
      if (subscriber.channel() == SubscriberChannel.webhook) {
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getHost() + "/...";
      }
      int at = address.indexOf('@');
      return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
  }

  /** A webhook subscriber: the URL to POST to and the components of interest (empty = all). */
  public record WebhookRequest(String url, List<String> components) {
  }
}
