package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.statuspage.component.ComponentState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The variables every communication template can use: {@code page_name}, {@code component} (the first
 * affected component), {@code components} (all, comma-separated), {@code start_time}, {@code next_update_time}
 * and {@code now} (in the page's time zone), plus those of the event ({@code region}, {@code secondary_region},
 * {@code region_pair}, {@code service}, {@code severity}, {@code title}, {@code reason}...).
 */
public final class MessageVariables {

  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");

  private MessageVariables() {
  }

  public static Map<String, Object> of(PageSettings settings, Collection<ComponentState> components, Instant startedAt, Instant now) {
    Map<String, Object> variables = new LinkedHashMap<>();
    DateTimeFormatter time = TIME.withZone(settings.timeZone());
    variables.put("page_name", settings.name());
    variables.put("components", components.stream().map(ComponentState::name).collect(Collectors.joining(", ")));
    variables.put("component", components.stream().findFirst().map(ComponentState::name).orElse(settings.name()));
    variables.put("start_time", time.format(startedAt));
    variables.put("now", time.format(now));
    variables.put("next_update_time", time.format(now.plus(settings.nextUpdateIn())));
    return variables;
  }

  /** The documented variable names, for previews: each with an example value. */
  public static Map<String, Object> examples(PageSettings settings, Instant now) {
    Map<String, Object> variables = new LinkedHashMap<>(of(settings, List.of(), now, now));
    variables.put("components", "API, Web app");
    variables.put("component", "API");
    variables.put("region", "us-east-1");
    variables.put("secondary_region", "us-west-2");
    variables.put("region_pair", "us-east-1/us-west-2");
    variables.put("service", "checkout-api");
    variables.put("severity", "SEV1");
    variables.put("title", "Checkout API error rate above 5 %");
    variables.put("reason", "3 of 3 checkers failed HTTPS /health");
    return variables;
  }
}
