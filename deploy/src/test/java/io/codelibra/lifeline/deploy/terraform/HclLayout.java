package io.codelibra.lifeline.deploy.terraform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The layout rules of {@code terraform fmt} (HashiCorp's hclwrite formatter) that hand-written files most often break,
 * checked without a terraform binary: balanced brackets, indentation by the formatter's per-line bracket algorithm,
 * {@code =} aligned one column after the longest key across each run of consecutive single-line attributes, one space
 * after {@code =}, no tabs, no trailing whitespace, and one final newline. Heredocs are not supported (none is used).
 */
final class HclLayout {

  private HclLayout() {
  }

  /** What one line holds outside strings and comments. */
  private record Line(int number, String text, int netBrackets, int firstEquals, boolean blank) {
  }

  /** The problems of {@code source}, each prefixed with its 1-based line number; empty when it is formatted. */
  static List<String> problems(String source) {
    List<String> problems = new ArrayList<>();
    if (!source.endsWith("\n") || source.endsWith("\n\n")) {
      problems.add("file must end with exactly one newline");
    }
    String[] rawLines = source.split("\n", -1);
    int count = source.endsWith("\n") ? rawLines.length - 1 : rawLines.length;
    List<Line> lines = new ArrayList<>();
    Deque<Character> open = new ArrayDeque<>();
    boolean inBlockComment = false;
    for (int i = 0; i < count; i++) {
      String text = rawLines[i];
      int number = i + 1;
      if (text.indexOf('\t') >= 0) {
        problems.add(number + ": tab character");
      }
      if (!text.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1))) {
        problems.add(number + ": trailing whitespace");
      }
      if (text.contains("<<")) {
        problems.add(number + ": heredocs are not supported by this check");
      }
      // Scan the line: strings (with ${...} interpolations) and comments are skipped.
      int net = 0;
      int firstEquals = -1;
      int interpolation = 0; // open braces inside the current ${...}
      boolean inString = false;
      boolean stringInInterpolation = false;
      Deque<Integer> interpolationStack = new ArrayDeque<>();
      for (int c = 0; c < text.length(); c++) {
        char ch = text.charAt(c);
        char next = c + 1 < text.length() ? text.charAt(c + 1) : '\0';
        if (inBlockComment) {
          if (ch == '*' && next == '/') {
            inBlockComment = false;
            c++;
          }
          continue;
        }
        if (inString) {
          if (ch == '\\') {
            c++;
          } else if (ch == '"') {
            inString = false;
          } else if ((ch == '$' || ch == '%') && next == '{') {
            interpolationStack.push(interpolation);
            interpolation = 0;
            inString = false;
            stringInInterpolation = true;
            c++;
          }
          continue;
        }
        if (stringInInterpolation && !interpolationStack.isEmpty()) {
          if (ch == '{') {
            interpolation++;
            continue;
          }
          if (ch == '}') {
            if (interpolation == 0) {
              interpolation = interpolationStack.pop();
              inString = true;
              stringInInterpolation = !interpolationStack.isEmpty();
            } else {
              interpolation--;
            }
            continue;
          }
          if (ch == '"') {
            inString = true;
          }
          continue;
        }
        if (ch == '#' || (ch == '/' && next == '/')) {
          break;
        }
        if (ch == '/' && next == '*') {
          inBlockComment = true;
          c++;
          continue;
        }
        switch (ch) {
          case '"' -> inString = true;
          case '{', '[', '(' -> {
            net++;
            open.push(ch);
          }
          case '}', ']', ')' -> {
            net--;
            char expected = ch == '}' ? '{' : ch == ']' ? '[' : '(';
            if (open.isEmpty()) {
              problems.add(number + ": unmatched '" + ch + "'");
            } else if (open.pop() != expected) {
              problems.add(number + ": '" + ch + "' closes a different bracket");
            }
          }
          case '=' -> {
            char previous = c > 0 ? text.charAt(c - 1) : '\0';
            boolean operator = "=!<>".indexOf(previous) >= 0 || next == '=' || next == '>';
            if (!operator && firstEquals < 0) {
              firstEquals = c;
            }
          }
          default -> {
          }
        }
      }
      if (inString || stringInInterpolation) {
        problems.add(number + ": unterminated string");
      }
      lines.add(new Line(number, text, net, firstEquals, text.isBlank()));
    }
    if (inBlockComment) {
      problems.add("unterminated block comment");
    }
    if (!open.isEmpty()) {
      problems.add("unclosed bracket(s) at end of file: " + open);
    }
    checkIndentation(lines, problems);
    checkAlignment(lines, problems);
    return problems;
  }

  /** hclwrite's formatIndent: a line opening N net brackets indents the following lines by one level, whatever N. */
  private static void checkIndentation(List<Line> lines, List<String> problems) {
    Deque<Integer> indents = new ArrayDeque<>();
    for (Line line : lines) {
      if (line.blank()) {
        continue;
      }
      int expected;
      if (line.netBrackets() > 0) {
        expected = 2 * indents.size();
        indents.push(line.netBrackets());
      } else if (line.netBrackets() < 0) {
        int closed = -line.netBrackets();
        while (closed > 0 && !indents.isEmpty()) {
          int top = indents.pop();
          if (closed < top) {
            indents.push(top - closed);
            closed = 0;
          } else {
            closed -= top;
          }
        }
        expected = 2 * indents.size();
      } else {
        expected = 2 * indents.size();
      }
      int actual = line.text().length() - line.text().stripLeading().length();
      if (actual != expected) {
        problems.add(line.number() + ": indented " + actual + " spaces, terraform fmt indents " + expected);
      }
    }
  }

  /**
   * hclwrite's formatCells: a line is an attribute when its first {@code =} is followed by a whole expression (net zero
   * brackets); each run of consecutive attribute lines puts {@code =} one column after its longest key. Other lines with
   * an {@code =} (a multi-line value's opener) have one space before it.
   */
  private static void checkAlignment(List<Line> lines, List<String> problems) {
    List<Line> chain = new ArrayList<>();
    for (Line line : lines) {
      boolean attribute = line.firstEquals() > 0 && !line.blank() && netAfterEquals(line) == 0;
      if (attribute) {
        chain.add(line);
        continue;
      }
      closeChain(chain, problems);
      if (line.firstEquals() > 0 && !line.text().isBlank()) {
        checkSpacing(line, 1 + keyEnd(line), problems);
      }
    }
    closeChain(chain, problems);
  }

  private static void closeChain(List<Line> chain, List<String> problems) {
    int longest = 0;
    for (Line line : chain) {
      longest = Math.max(longest, keyEnd(line));
    }
    for (Line line : chain) {
      checkSpacing(line, longest + 1, problems);
    }
    chain.clear();
  }

  private static void checkSpacing(Line line, int expectedColumn, List<String> problems) {
    if (line.firstEquals() != expectedColumn) {
      problems.add(line.number() + ": '=' at column " + (line.firstEquals() + 1) + ", terraform fmt puts it at column "
          + (expectedColumn + 1));
    }
    String after = line.text().substring(line.firstEquals() + 1);
    if (!after.startsWith(" ") || after.startsWith("  ")) {
      problems.add(line.number() + ": '=' must be followed by exactly one space");
    }
  }

  /** Length of the line's text before its first {@code =}, trailing spaces left out. */
  private static int keyEnd(Line line) {
    return line.text().substring(0, line.firstEquals()).stripTrailing().length();
  }

  /** Net brackets from the first {@code =} on; the line's net brackets less those of the key (keys have none open). */
  private static int netAfterEquals(Line line) {
    return line.netBrackets() - netOf(line.text().substring(0, line.firstEquals()));
  }

  private static int netOf(String key) {
    int net = 0;
    boolean inString = false;
    for (int c = 0; c < key.length(); c++) {
      char ch = key.charAt(c);
      if (ch == '"') {
        inString = !inString;
      } else if (!inString && (ch == '{' || ch == '[' || ch == '(')) {
        net++;
      } else if (!inString && (ch == '}' || ch == ']' || ch == ')')) {
        net--;
      }
    }
    return net;
  }
}
