package io.codelibra.lifeline.recovery.runbook;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a runbook template's {@code ${name}} references from named values. */
public final class TemplateText {

  static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private TemplateText() {
  }

  /** {@code ifMissing} gets the reference (e.g. {@code steps.find.snapshot-id}) and says what to put instead, or throws. */
  public static String fill(String template, Map<String, String> values, Function<String, String> ifMissing) {
    Matcher matcher = REFERENCE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String reference = matcher.group(1).strip();
      String value = values.get(reference);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : ifMissing.apply(reference)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
