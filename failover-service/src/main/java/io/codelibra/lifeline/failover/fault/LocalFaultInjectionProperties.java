package io.codelibra.lifeline.failover.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo regions' fault switches ({@code lifeline.failover.fault-injection.local.*}): each region's base URL and
 * the stack's API key, given directly ({@code api-key}) or, better, as a file ({@code api-key-file}, its first line).
 */
@ConfigurationProperties("lifeline.failover.fault-injection.local")
public record LocalFaultInjectionProperties(@DefaultValue Map<String, URI> regions, String apiKey, Path apiKeyFile,
    Duration connectTimeout, Duration requestTimeout) {

  public DemoRegionFaultSettings settings() {
    if (regions.isEmpty()) {
      throw new IllegalStateException("lifeline.failover.fault-injection.local.regions must map each region to its base URL");
    }
    return new DemoRegionFaultSettings(regions, key(), connectTimeout, requestTimeout);
  }

  private String key() {
    if (apiKey != null && !apiKey.isBlank()) {
      return apiKey.strip();
    }
    if (apiKeyFile == null || apiKeyFile.toString().isBlank()) {
      throw new IllegalStateException("lifeline.failover.fault-injection.local needs api-key-file (or api-key): the demo "
          + "regions' switch requires the stack's API key");
    }
    try {
      return Files.readAllLines(apiKeyFile).stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
          .orElseThrow(() -> new IllegalStateException(apiKeyFile + " holds no API key"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lifeline.failover.fault-injection.local.api-key-file " + apiKeyFile, e);
    }
  }
}
