package io.codelibra.lifeline.deploy.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One sub-command's arguments: positional words, {@code --flag}s and {@code --option value} (or
 * {@code --option=value}); an option the sub-command does not know is a usage error, not ignored.
 */
record CliArguments(List<String> positional, Map<String, String> options, Set<String> flags) {

  static CliArguments parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions) throws UsageException {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (knownFlags.contains(name) && equals < 0) {
        flags.add(name);
      } else if (knownOptions.contains(name)) {
        if (equals >= 0) {
          options.put(name, arg.substring(equals + 1));
        } else if (i + 1 < args.size()) {
          options.put(name, args.get(++i));
        } else {
          throw new UsageException("--" + name + " needs a value");
        }
      } else {
        throw new UsageException("unknown option " + arg);
      }
    }
    return new CliArguments(List.copyOf(positional), Map.copyOf(options), Set.copyOf(flags));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  String required(String name) throws UsageException {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("--" + name + " is required");
    }
    return value;
  }
}
