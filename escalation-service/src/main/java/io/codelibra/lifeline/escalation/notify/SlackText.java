package io.codelibra.lifeline.escalation.notify;

/**
 * Text for Slack's mrkdwn: {@code &}, {@code <} and {@code >} escaped as Slack requires, so that user text
 * cannot form links or mentions ({@code <!channel>}), and cut to a block's length limit after escaping.
 */
final class SlackText {

  private SlackText() {
  }

  static String escape(String text) {
    return truncate(text, Integer.MAX_VALUE);
  }

  /** Escaped, and at most {@code limit} characters, ending with an ellipsis when cut (never inside an entity). */
  static String truncate(String text, int limit) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      String next = switch (codePoint) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        default -> Character.toString(codePoint);
      };
      i += Character.charCount(codePoint);
      // Unless this is the last character, room must stay for the ellipsis.
      int room = i == text.length() ? limit : limit - 1;
      if (out.length() + next.length() > room) {
        return out.append('…').toString();
      }
      out.append(next);
    }
    return out.toString();
  }

  /** A mrkdwn link; {@code |} would end the URL early, so it is percent-encoded. */
  static String link(String url, String label) {
    return "<" + escape(url.replace("|", "%7C")) + "|" + escape(label) + ">";
  }
}
