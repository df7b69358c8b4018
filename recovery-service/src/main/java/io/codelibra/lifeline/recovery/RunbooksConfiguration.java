package io.codelibra.lifeline.recovery;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.action.RecoveryActionSet;
import io.codelibra.lifeline.recovery.runbook.RunbookCatalog;
import io.codelibra.lifeline.recovery.runbook.RunbookReader;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The actions this instance has (each adapter's beans, by mode) and the runbooks: the shipped ones
 * ({@code classpath:runbooks/*.yml}) plus every {@code *.yml} of {@code lifeline.recovery.runbooks-directory}. A
 * runbook that does not validate against the actions stops the start-up, naming file, line and reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecoveryProperties.class)
public class RunbooksConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Map<String, RecoveryAction> recoveryActions(ObjectProvider<RecoveryAction> singles, ObjectProvider<RecoveryActionSet> sets) {
    Map<String, RecoveryAction> actions = new LinkedHashMap<>();
    List<RecoveryAction> all = new ArrayList<>(singles.orderedStream().toList());
    sets.orderedStream().forEach(set -> all.addAll(set.actions()));
    for (RecoveryAction action : all) {
      RecoveryAction previous = actions.putIfAbsent(action.name(), action);
      if (previous != null) {
        throw new IllegalStateException("two adapters for action " + action.name() + ": " + previous.getClass().getName()
            + " and " + action.getClass().getName() + " (check lifeline.recovery.actions.*)");
      }
    }
    return actions;
  }

  @Bean
  RunbookCatalog runbookCatalog(Map<String, RecoveryAction> recoveryActions, RecoveryProperties properties) {
    Map<String, Set<String>> required = new LinkedHashMap<>();
    recoveryActions.forEach((name, action) -> required.put(name, action.requiredParameters()));
    return RunbookCatalog.of(sources(properties.runbooksDirectory()), new RunbookReader(required))
        .withParameters(properties.runbookParameters());
  }

  private static List<YamlSource> sources(Path directory) {
    List<YamlSource> sources = new ArrayList<>();
    try {
      Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:runbooks/*.yml");
      Stream.of(shipped).sorted(Comparator.comparing(Resource::getFilename)).forEach(resource -> {
        try {
          sources.add(YamlSource.of("runbooks/" + resource.getFilename(),
              new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (directory != null) {
        try (Stream<Path> files = Files.list(directory)) {
          files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().map(YamlSource::of).forEach(sources::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the runbooks", e);
    }
    return sources;
  }
}
