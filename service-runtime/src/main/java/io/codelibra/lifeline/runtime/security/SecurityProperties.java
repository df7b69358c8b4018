package io.codelibra.lifeline.runtime.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the write API keys come from: {@code lifeline.security.api-keys} (e.g. from the
 * {@code LIFELINE_API_KEYS} environment variable) and/or a secret file with one key per line; and
 * the paths whose writes the service authenticates itself (per-integration credentials), as
 * Spring path patterns.
 */
@ConfigurationProperties("lifeline.security")
public record SecurityProperties(List<String> apiKeys, Path apiKeyFile, List<String> selfAuthenticatedPaths) {

  public SecurityProperties {
    apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    selfAuthenticatedPaths = selfAuthenticatedPaths == null ? List.of() : List.copyOf(selfAuthenticatedPaths);
  }

  public ApiKeys load() {
    List<String> keys = new ArrayList<>(apiKeys);
    if (apiKeyFile != null) {
      try {
        keys.addAll(Files.readAllLines(apiKeyFile));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lifeline.security.api-key-file " + apiKeyFile, e);
      }
    }
    return ApiKeys.of(keys);
  }
}
