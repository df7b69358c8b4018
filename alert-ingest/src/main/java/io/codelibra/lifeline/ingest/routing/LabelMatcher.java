package io.codelibra.lifeline.ingest.routing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher in Alertmanager's syntax: {@code name="value"}, {@code name!="value"},
 * {@code name=~"regex"}, {@code name!~"regex"} (quotes optional; regexes are fully anchored; a
 * missing label matches as the empty string, as in Alertmanager).
 */
public record LabelMatcher(String label, Operator operator, String value, Pattern regex) {

  /** The four Alertmanager matcher operators. */
  public enum Operator { EQUAL, NOT_EQUAL, REGEX, NOT_REGEX }

  private static final Pattern SYNTAX = Pattern.compile("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$");

  public static LabelMatcher parse(String text) {
    Matcher parts = SYNTAX.matcher(text == null ? "" : text);
    if (!parts.matches()) {
      throw new IllegalArgumentException("bad matcher '" + text + "': expected name=\"value\", name!=\"value\", "
          + "name=~\"regex\" or name!~\"regex\"");
    }
    String raw = parts.group(3);
    String value = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
        ? raw.substring(1, raw.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\")
        : raw;
    Operator operator = switch (parts.group(2)) {
      case "=" -> Operator.EQUAL;
      case "!=" -> Operator.NOT_EQUAL;
      case "=~" -> Operator.REGEX;
      default -> Operator.NOT_REGEX;
    };
    Pattern regex = null;
    if (operator == Operator.REGEX || operator == Operator.NOT_REGEX) {
      try {
        regex = Pattern.compile("^(?:" + value + ")$");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("bad regex in matcher '" + text + "': " + e.getDescription());
      }
    }
    return new LabelMatcher(parts.group(1), operator, value, regex);
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(label, "");
    return switch (operator) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> regex.matcher(actual).matches();
      case NOT_REGEX -> !regex.matcher(actual).matches();
    };
  }
}
