package io.codelibra.lifeline.runtime.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found while reading YAML configuration files, each as {@code file:line: reason},
 * listed file by file (in the order the files were first reported on) and by line within a file.
 */
public final class YamlProblems {

  private final List<String> files = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  public void add(String file, int line, String reason) {
    problems.add(new Problem(fileOrder(file), line, file + ":" + line + ": " + reason));
  }

  /** A problem of the files as a whole, such as a missing section, without a line to point at; listed last. */
  public void add(String files, String reason) {
    problems.add(new Problem(Integer.MAX_VALUE, 0, files + ": " + reason));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> messages() {
    return problems.stream().sorted(Comparator.comparingInt(Problem::fileOrder).thenComparingInt(Problem::line))
        .map(Problem::message).toList();
  }

  private int fileOrder(String file) {
    if (!files.contains(file)) {
      files.add(file);
    }
    return files.indexOf(file);
  }

  private record Problem(int fileOrder, int line, String message) {
  }
}
