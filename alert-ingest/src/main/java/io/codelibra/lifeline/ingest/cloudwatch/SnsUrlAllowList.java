package io.codelibra.lifeline.ingest.cloudwatch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which URLs in an SNS message the receiver may contact: a host pattern (matched against the whole
 * host) and, unless turned off for tests, {@code https} on the default port. Anything with user
 * info, a relative URL or an unparsable one is refused.
 */
public final class SnsUrlAllowList {

  private final Pattern hostPattern;
  private final boolean requireHttps;

  public SnsUrlAllowList(Pattern hostPattern, boolean requireHttps) {
    this.hostPattern = hostPattern;
    this.requireHttps = requireHttps;
  }

  /** @param property the setting's name, for the error when the pattern does not compile */
  public static SnsUrlAllowList of(String property, String hostPattern, boolean requireHttps) {
    if (hostPattern == null || hostPattern.isBlank()) {
      throw new IllegalArgumentException(property + " must not be empty");
    }
    try {
      return new SnsUrlAllowList(Pattern.compile(hostPattern), requireHttps);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(property + "=" + hostPattern + " is not a regex: " + e.getDescription());
    }
  }

  /** The URL as a URI when it may be contacted, empty otherwise. */
  public Optional<URI> permit(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean schemeAllowed = requireHttps
        ? scheme.equals("https") && (uri.getPort() == -1 || uri.getPort() == 443)
        : scheme.equals("https") || scheme.equals("http");
    if (!schemeAllowed || !hostPattern.matcher(uri.getHost().toLowerCase(Locale.ROOT)).matches()) {
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  @Override
  public String toString() {
    return (requireHttps ? "https://" : "http(s)://") + hostPattern.pattern();
  }
}
