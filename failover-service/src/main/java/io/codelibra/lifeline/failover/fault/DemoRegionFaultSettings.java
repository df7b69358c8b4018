package io.codelibra.lifeline.failover.fault;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack's demo regions listen (region name to base URL, e.g. {@code us-east-1 ->
 * http://127.0.0.1:8091}), the stack's API key their {@code PUT /fault} requires, and how long one call may take.
 * {@link #toString()} leaves the key out, so the settings can be logged.
 */
public record DemoRegionFaultSettings(Map<String, URI> baseUrlByRegion, String apiKey, Duration connectTimeout,
    Duration requestTimeout) {

  public DemoRegionFaultSettings {
    Objects.requireNonNull(baseUrlByRegion, "baseUrlByRegion");
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("the demo regions' fault switch needs the stack's API key");
    }
    baseUrlByRegion = Collections.unmodifiableMap(new LinkedHashMap<>(baseUrlByRegion));
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
  }

  @Override
  public String toString() {
    return "DemoRegionFaultSettings[baseUrlByRegion=" + baseUrlByRegion + ", apiKey=(redacted), connectTimeout="
        + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
  }
}
