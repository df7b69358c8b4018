package io.codelibra.lifeline.recovery.postmortem;

/**
 * Keeps text from the events from breaking the draft's Markdown structure. Nothing is escaped for Markdown's inline
 * syntax (people read and edit the draft): only what could end a table row, a heading or a list item, close a code
 * span or hide the rest of the document is neutralised.
 */
final class MarkdownText {

  static final int MAX_CELL = 300;

  private MarkdownText() {
  }

  /** Text on one line: for headings, list items and summary values. */
  static String inline(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("\\R+", " ").replace("<!--", "&lt;!--").strip();
  }

  /** Text in a table cell: one line, pipes escaped, at most {@link #MAX_CELL} characters. */
  static String cell(String text) {
    String line = inline(text);
    if (line.length() > MAX_CELL) {
      line = line.substring(0, MAX_CELL - 1) + "…";
    }
    return line.replace("|", "\\|");
  }

  /** An identifier as a code span; backticks inside would close it early. */
  static String code(String text) {
    return "`" + inline(text).replace('`', '\'') + "`";
  }

  /** An identifier as a code span inside a table cell. */
  static String codeCell(String text) {
    return code(text).replace("|", "\\|");
  }
}
