package io.codelibra.lifeline.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.deploy.local.LocalService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under deploy/observability, checked against the code they describe: every PromQL expression (dashboard
 * panels and alerting rules) names only meters the services register, every scrape target is a service on its default
 * port, and the Alertmanager webhook points at alert-ingest's receiver. {@code promtool} and {@code amtool} stay the
 * authority on syntax where they are installed.
 */
class ObservabilityFilesTest {

  /** Series that do not come from Lifeline's own code: Prometheus' scrape health and Spring's HTTP server timer. */
  private static final Set<String> STANDARD_SERIES = Set.of("up", "http_server_requests_seconds_count",
      "http_server_requests_seconds_sum", "http_server_requests_seconds_max");

  private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

  private static Path repository;
  private static Path observability;
  private static Set<String> registeredSeries;

  @BeforeAll
  static void locateFilesAndScanMeters() throws IOException {
    observability = Stream.of(Path.of("observability"), Path.of("deploy", "observability"))
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("deploy/observability not found from " + Path.of("").toAbsolutePath()))
        .toAbsolutePath();
    repository = observability.getParent().getParent();
    registeredSeries = RegisteredMeters.seriesUnder(repository);
  }

  @Test
  void theMeterScanFindsTheMetersTheDocsDescribe() {
    // Guards the scan itself: if these disappear, the scan broke, not the dashboard.
    assertThat(registeredSeries).contains(
        "lifeline_ingest_accepted_total",
        "lifeline_ingest_publish_seconds_bucket",
        "lifeline_escalation_timer_lateness_seconds",
        "lifeline_failover_run_duration_seconds_count",
        "lifeline_statuspage_subscriber_notifications_total",
        "lifeline_events_consumed_total");
    assertThat(registeredSeries).doesNotContain("lifeline_failover_run_duration_seconds_bucket",
        "lifeline_escalation_timer_lateness_seconds_bucket");
  }

  @Test
  void theQueryScanSeesSeriesButNotFunctionsLabelsOrKeywordsAndFlagsInventedOnes() {
    assertThat(PromQl.seriesNames("histogram_quantile(0.99, sum by (le) (rate(lifeline_ingest_publish_seconds_bucket"
        + "{source=~\"a|b\"}[$__rate_interval]))) / on (le) group_left up offset 5m > 1e3 and bool absent(x_total)"))
        .containsExactlyInAnyOrder("lifeline_ingest_publish_seconds_bucket", "up", "x_total");
    assertThat(unknownSeries("sum by (severity) (lifeline_incidents_open) + lifeline_ingest_accepted_total"))
        .containsExactly("lifeline_incidents_open");
  }

  @Test
  void everyDashboardPanelQueriesOnlyRegisteredMeters() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(observability.resolve("grafana/lifeline-dashboard.json").toFile());
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    assertThat(dashboard.path("__inputs").findValuesAsText("name")).contains("DS_PROMETHEUS");

    Map<String, Set<String>> unknownByPanel = new TreeMap<>();
    int queries = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      String title = panel.path("title").asText();
      assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
      assertThat(panel.path("targets")).as(title + " has queries").isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(expr).as(title).isNotBlank();
        assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
        Set<String> unknown = unknownSeries(expr);
        if (!unknown.isEmpty()) {
          unknownByPanel.computeIfAbsent(title, t -> new TreeSet<>()).addAll(unknown);
        }
        queries++;
      }
    }
    assertThat(queries).isGreaterThan(10);
    assertThat(unknownByPanel).as("series no service registers (known: %s)", registeredSeries).isEmpty();
  }

  @Test
  void everyAlertingRuleQueriesOnlyRegisteredMeters() throws IOException {
    Map<String, Object> rules = yaml("prometheus/lifeline-rules.yml");
    Map<String, Set<String>> unknownByAlert = new TreeMap<>();
    List<String> alerts = new ArrayList<>();
    for (Map<String, Object> group : maps(rules.get("groups"))) {
      for (Map<String, Object> rule : maps(group.get("rules"))) {
        String alert = (String) rule.get("alert");
        alerts.add(alert);
        assertThat(rule).as(alert).containsKeys("expr", "labels", "annotations");
        assertThat(map(rule.get("labels"))).as(alert).containsKey("severity");
        Set<String> unknown = unknownSeries(rule.get("expr").toString());
        if (!unknown.isEmpty()) {
          unknownByAlert.put(alert, unknown);
        }
      }
    }
    assertThat(alerts).contains("LifelineServiceDown").doesNotHaveDuplicates();
    assertThat(unknownByAlert).as("series no service registers (known: %s)", registeredSeries).isEmpty();
  }

  @Test
  void scrapeTargetsAreTheServicesOnTheirDefaultPorts() throws IOException {
    Map<String, Object> prometheus = yaml("prometheus/prometheus.yml");
    assertThat(prometheus.get("rule_files").toString()).contains("lifeline-rules.yml");
    Map<String, String> targetByJob = new LinkedHashMap<>();
    for (Map<String, Object> job : maps(prometheus.get("scrape_configs"))) {
      assertThat(job.get("metrics_path")).as(job.get("job_name").toString()).isEqualTo("/actuator/prometheus");
      List<String> targets = new ArrayList<>();
      for (Map<String, Object> staticConfig : maps(job.get("static_configs"))) {
        for (Object target : (List<?>) staticConfig.get("targets")) {
          targets.add(target.toString());
        }
      }
      assertThat(targets).as(job.get("job_name").toString()).hasSize(1);
      targetByJob.put(job.get("job_name").toString(), targets.getFirst());
    }

    Map<String, String> expected = new LinkedHashMap<>();
    for (LocalService service : LocalService.LIFELINE) {
      int port = defaultPort(service.module());
      assertThat(port).as(service.module() + ": application.yml and the local stack agree").isEqualTo(service.port());
      expected.put(service.module(), "localhost:" + port);
    }
    assertThat(targetByJob).isEqualTo(expected);
  }

  @Test
  void alertmanagerSendsToAlertIngestsWebhookReceiverWithABearerTokenFile() throws IOException {
    Map<String, Object> alertmanager = yaml("alertmanager/alertmanager.yml");
    String receiverPath = alertmanagerReceiverPath();
    Map<String, Map<String, Object>> receivers = new LinkedHashMap<>();
    for (Map<String, Object> receiver : maps(alertmanager.get("receivers"))) {
      receivers.put(receiver.get("name").toString(), receiver);
    }

    List<Map<String, Object>> webhooks = maps(receivers.get("lifeline").get("webhook_configs"));
    assertThat(webhooks).hasSize(1);
    Map<String, Object> webhook = webhooks.getFirst();
    URI url = URI.create(webhook.get("url").toString());
    assertThat(url.getPath()).isEqualTo(receiverPath);
    assertThat(url.getPort()).isEqualTo(defaultPort("alert-ingest"));
    Map<String, Object> authorization = map(map(webhook.get("http_config")).get("authorization"));
    assertThat(authorization).containsEntry("type", "Bearer").containsKey("credentials_file");

    Map<String, Object> route = map(alertmanager.get("route"));
    assertThat(receivers).containsKey(route.get("receiver").toString());
    for (Map<String, Object> child : maps(route.get("routes"))) {
      assertThat(receivers).containsKey(child.get("receiver").toString());
    }
    assertThat(maps(route.get("routes"))).anySatisfy(child -> assertThat(child.get("matchers").toString()).contains("severity"));
    assertThat(maps(alertmanager.get("inhibit_rules"))).isNotEmpty();
  }

  /** The series names an expression selects that no service registers (and that are not standard series). */
  static Set<String> unknownSeries(String expr) {
    Set<String> unknown = new TreeSet<>();
    for (String name : PromQl.seriesNames(expr)) {
      if (!registeredSeries.contains(name) && !STANDARD_SERIES.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  private static String alertmanagerReceiverPath() throws IOException {
    Path controller = repository.resolve(
        "alert-ingest/src/main/java/io/codelibra/lifeline/ingest/alertmanager/AlertmanagerWebhookController.java");
    Matcher path = Pattern.compile("static final String PATH = \"([^\"]+)\"").matcher(Files.readString(controller));
    assertThat(path.find()).as("PATH constant in " + controller).isTrue();
    return path.group(1);
  }

  /** {@code server.port}'s default in a service's application.yml, written {@code ${LIFELINE_PORT:8080}}. */
  private static int defaultPort(String module) throws IOException {
    Path file = repository.resolve(module).resolve("src/main/resources/application.yml");
    for (Object document : new Yaml().loadAll(Files.readString(file))) {
      if (document instanceof Map<?, ?> properties && properties.get("server") instanceof Map<?, ?> server
          && server.get("port") != null) {
        Matcher port = Pattern.compile("^(?:\\$\\{[A-Z_]+:)?(\\d+)}?$").matcher(server.get("port").toString());
        assertThat(port.matches()).as(module + " server.port " + server.get("port")).isTrue();
        return Integer.parseInt(port.group(1));
      }
    }
    throw new AssertionError(module + ": no server.port in " + file);
  }

  private static Map<String, Object> yaml(String relative) throws IOException {
    return map(new Yaml().load(Files.readString(observability.resolve(relative))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<Map<String, Object>> maps(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return ((List<?>) value).stream().map(ObservabilityFilesTest::map).toList();
  }

  /** Just enough PromQL to find the metric names an expression selects. */
  static final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST =
        Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

    static Set<String> seriesNames(String expr) {
      String bare = STRING.matcher(expr).replaceAll("\"\"");
      bare = MATCHERS.matcher(bare).replaceAll(" ");
      bare = RANGE.matcher(bare).replaceAll(" ");
      bare = LABEL_LIST.matcher(bare).replaceAll(" ");
      Set<String> names = new TreeSet<>();
      Matcher identifier = IDENTIFIER.matcher(bare);
      while (identifier.find()) {
        String word = identifier.group();
        boolean partOfNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
        boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
        if (!partOfNumber && !function && !PROMQL_WORDS.contains(word.toLowerCase())) {
          names.add(word);
        }
      }
      return names;
    }
  }

  /**
   * The Prometheus series Lifeline's services register, read from their main sources: meter names given to
   * {@code Counter/Timer/Gauge/DistributionSummary.builder(...)} or {@code registry.counter/timer/gauge/summary(...)},
   * as a literal or a {@code static final String} constant of the same file, translated as Micrometer's Prometheus
   * registry names them.
   */
  static final class RegisteredMeters {

    private static final Pattern BUILDER = Pattern.compile(
        "\\b(Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\\s*(\"[^\"]+\"|[A-Z_][A-Z0-9_]*)");
    private static final Pattern SHORTCUT = Pattern.compile(
        "\\.(counter|timer|gauge|summary)\\(\\s*(\"[^\"]+\"|[A-Z_][A-Z0-9_]*)\\s*[,)]");
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_][A-Z0-9_]*) = \"([^\"]+)\";");

    static Set<String> seriesUnder(Path repository) throws IOException {
      Set<String> series = new TreeSet<>();
      List<Path> sources;
      try (Stream<Path> modules = Files.list(repository)) {
        sources = new ArrayList<>();
        for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
          try (Stream<Path> files = Files.walk(main)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
          }
        }
      }
      for (Path source : sources) {
        series.addAll(seriesIn(Files.readString(source)));
      }
      return series;
    }

    static Set<String> seriesIn(String source) {
      Map<String, String> constants = new LinkedHashMap<>();
      Matcher constant = CONSTANT.matcher(source);
      while (constant.find()) {
        constants.put(constant.group(1), constant.group(2));
      }
      Set<String> series = new TreeSet<>();
      Matcher builder = BUILDER.matcher(source);
      while (builder.find()) {
        String name = resolve(builder.group(2), constants);
        int register = source.indexOf(".register(", builder.end());
        String chain = register < 0 ? "" : source.substring(builder.end(), register);
        add(series, builder.group(1), name, chain);
      }
      Matcher shortcut = SHORTCUT.matcher(source);
      while (shortcut.find()) {
        String kind = switch (shortcut.group(1)) {
          case "counter" -> "Counter";
          case "timer" -> "Timer";
          case "gauge" -> "Gauge";
          default -> "DistributionSummary";
        };
        add(series, kind, resolve(shortcut.group(2), constants), "");
      }
      return series;
    }

    private static String resolve(String literalOrConstant, Map<String, String> constants) {
      return literalOrConstant.startsWith("\"")
          ? literalOrConstant.substring(1, literalOrConstant.length() - 1)
          : constants.get(literalOrConstant);
    }

    private static void add(Set<String> series, String kind, String name, String chain) {
      if (name == null) {
        return;
      }
      String base = name.replace('.', '_').replace('-', '_');
      switch (kind) {
        case "Counter" -> series.add(base.endsWith("_total") ? base : base + "_total");
        case "Gauge" -> series.add(base);
        default -> {
          String stem = kind.equals("Timer") ? base + "_seconds" : base;
          series.addAll(List.of(stem + "_count", stem + "_sum", stem + "_max"));
          if (chain.contains("publishPercentiles(")) {
            series.add(stem);
          }
          if (chain.contains("publishPercentileHistogram(") || chain.contains("serviceLevelObjectives(")) {
            series.add(stem + "_bucket");
          }
        }
      }
    }
  }
}
