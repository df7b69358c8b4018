package io.codelibra.lifeline.deploy.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who is asking and with which key: the {@code From} and {@code Authorization} of every write. The key never
 * appears in {@link #toString()}, so it cannot end up in output or logs by accident.
 */
record OperatorCredentials(String operator, String apiKey) {

  /**
   * {@code From}: {@code --as}, else {@code LIFELINE_OPERATOR}, else {@code $USER@hostname}. Key: {@code LIFELINE_API_KEY},
   * else the local stack's own key.
   */
  static OperatorCredentials resolve(String as, Map<String, String> environment, Supplier<String> localStackApiKey) {
    String operator = firstPresent(as, environment.get("LIFELINE_OPERATOR"));
    if (operator == null) {
      String user = firstPresent(environment.get("USER"), System.getProperty("user.name"));
      operator = user + "@" + hostname(environment);
    }
    String apiKey = firstPresent(environment.get("LIFELINE_API_KEY"));
    return new OperatorCredentials(operator, apiKey != null ? apiKey : localStackApiKey.get());
  }

  private static String hostname(Map<String, String> environment) {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unresolvable) {
      String fromEnvironment = firstPresent(environment.get("HOSTNAME"));
      return fromEnvironment != null ? fromEnvironment : "localhost";
    }
  }

  private static String firstPresent(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "OperatorCredentials[operator=" + operator + ", apiKey=<hidden>]";
  }
}
