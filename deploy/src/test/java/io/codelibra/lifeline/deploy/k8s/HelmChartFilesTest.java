package io.codelibra.lifeline.deploy.k8s;

import static io.codelibra.lifeline.deploy.k8s.StrimziTopicsTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks deploy/helm without a helm binary: the plain YAML files parse, every service has its objects, every value a
 * template reads is declared in values.yaml, and every environment variable a template sets is one a service reads.
 */
class HelmChartFilesTest {

  /** Service module (and template directory) to its key in values.yaml. */
  private static final Map<String, String> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("alert-ingest", "alertIngest");
    SERVICES.put("escalation-service", "escalationService");
    SERVICES.put("statuspage-service", "statuspageService");
    SERVICES.put("failover-service", "failoverService");
    SERVICES.put("recovery-service", "recoveryService");
  }

  /** The Kafka client property maps the chart sets from the environment (Spring Kafka, Kafka binder, Streams binder). */
  private static final List<String> KAFKA_PROPERTY_PREFIXES = List.of(
      "SPRING_KAFKA_PROPERTIES_", "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_",
      "SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_CONFIGURATION_");

  /** Spring Boot and JVM variables the chart sets besides the Kafka client properties. */
  private static final Set<String> PLATFORM_VARIABLES = Set.of(
      "SPRING_CONFIG_ADDITIONALLOCATION", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
      "SPRING_MAIL_PASSWORD", "JAVA_TOOL_OPTIONS");

  private static final Pattern ENV_NAME = Pattern.compile("(?m)^\\s*-?\\s*name: ([A-Z][A-Z0-9_]+)\\s*$");
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]+):");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LIFELINE_[A-Z0-9_]+)");
  private static final Pattern PROPERTY_LITERAL = Pattern.compile("\"(lifeline\\.[a-z0-9.-]+)\"");

  private static Path helm;
  private static Path chart;
  private static Path repository;
  private static Map<String, Object> values;

  @BeforeAll
  static void locate() throws IOException {
    helm = StrimziTopicsTest.helmDirectory();
    chart = helm.resolve("lifeline");
    repository = helm.getParent().getParent();
    values = load(chart.resolve("values.yaml"));
  }

  @Test
  void chartYamlIsAHelm3Chart() throws IOException {
    Map<String, Object> chartYaml = load(chart.resolve("Chart.yaml"));

    assertThat(chartYaml).containsEntry("apiVersion", "v2").containsEntry("name", "lifeline")
        .containsEntry("type", "application").containsKeys("version", "appVersion", "description");
  }

  @Test
  void everyServiceHasItsDeploymentServicePdbAndConfigMapAndOnlyAlertIngestAnHpa() {
    for (String service : SERVICES.keySet()) {
      Path directory = chart.resolve("templates").resolve(service);
      assertThat(directory.resolve("deployment.yaml")).as(service).isRegularFile();
      assertThat(directory.resolve("service.yaml")).as(service).isRegularFile();
      assertThat(directory.resolve("pdb.yaml")).as(service).isRegularFile();
      assertThat(directory.resolve("configmap.yaml")).as(service).isRegularFile();
      assertThat(Files.exists(directory.resolve("hpa.yaml"))).as(service + " has an HPA")
          .isEqualTo(service.equals("alert-ingest"));
    }
    assertThat(chart.resolve("templates/recovery-service/rbac.yaml")).isRegularFile();
  }

  @Test
  void valuesNameEachServicesImageAndPortAsTheServiceDoes() throws IOException {
    Pattern defaultPort = Pattern.compile("\\$\\{LIFELINE_PORT:(\\d+)}");
    for (Map.Entry<String, String> service : SERVICES.entrySet()) {
      Map<String, Object> serviceValues = map(values.get(service.getValue()));
      assertThat(map(serviceValues.get("image"))).containsEntry("repository", "lifeline/" + service.getKey());
      Matcher port = defaultPort.matcher(Files.readString(
          repository.resolve(service.getKey()).resolve("src/main/resources/application.yml")));
      assertThat(port.find()).as(service.getKey() + " reads LIFELINE_PORT").isTrue();
      assertThat(serviceValues.get("port")).as(service.getKey()).isEqualTo(Integer.parseInt(port.group(1)));
      assertThat(serviceValues).as(service.getKey()).containsKeys("resources", "pdb", "env", "applicationYml");
    }
  }

  @Test
  void onlyAlertIngestAutoscalesAndRecoveryServiceHasNoReplicaCount() throws IOException {
    assertThat(map(map(values.get("alertIngest")).get("autoscaling"))).containsEntry("enabled", true);
    for (String key : List.of("escalationService", "statuspageService", "failoverService", "recoveryService")) {
      assertThat(map(values.get(key))).as(key).doesNotContainKey("autoscaling");
    }
    assertThat(map(values.get("recoveryService"))).doesNotContainKey("replicas");
    String recovery = Files.readString(chart.resolve("templates/recovery-service/deployment.yaml"));
    assertThat(recovery).contains("\"replicas\" 1").contains("(dict \"type\" \"Recreate\")");
  }

  @Test
  void kafkaAndRegistryDefaultsFollowTheProductionRules() {
    Map<String, Object> kafka = map(values.get("kafka"));
    assertThat(kafka).containsEntry("replicationFactor", 3);
    assertThat(map(kafka.get("tls"))).containsKeys("enabled", "truststoreSecret", "truststoreKey", "truststoreType");
    assertThat(map(kafka.get("sasl"))).containsKeys("enabled", "mechanism", "jaasSecret", "jaasKey");
    assertThat(map(values.get("schemaRegistry"))).containsKeys("url", "userInfoSecret", "userInfoKey");
    assertThat(map(values.get("securityContext"))).containsEntry("readOnlyRootFilesystem", true);
    assertThat(map(values.get("podSecurityContext"))).containsEntry("runAsNonRoot", true);
  }

  @Test
  void theEnvConfigMapNeverLetsServicesCreateTopics() throws IOException {
    String env = Files.readString(chart.resolve("templates/configmap-env.yaml"));

    assertThat(env).contains("LIFELINE_TOPICS_CREATE: \"false\"")
        .contains("LIFELINE_TOPICS_REPLICATIONFACTOR: {{ .Values.kafka.replicationFactor | quote }}");
  }

  @Test
  void probesUseSpringBootsKubernetesHealthGroups() throws IOException {
    String helpers = Files.readString(chart.resolve("templates/_helpers.tpl"));

    assertThat(helpers).contains("path: /actuator/health/liveness").contains("path: /actuator/health/readiness")
        .contains("prometheus.io/path: /actuator/prometheus");
  }

  @Test
  void everyEnvironmentVariableInTheTemplatesIsOneTheServicesRead() throws IOException {
    Set<String> read = lifelineVariablesTheServicesRead();
    Set<String> kafkaClientSettings = AdminClientConfig.configNames();
    List<String> unknown = new ArrayList<>();
    Set<String> used = variablesSetByTheTemplates();
    for (String name : used) {
      boolean known = read.contains(name) || PLATFORM_VARIABLES.contains(name)
          || KAFKA_PROPERTY_PREFIXES.stream().anyMatch(prefix -> name.startsWith(prefix) && kafkaClientSettings.contains(
              name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.')));
      if (!known) {
        unknown.add(name);
      }
    }

    assertThat(used).contains("LIFELINE_KAFKA_BOOTSTRAP", "LIFELINE_SCHEMA_REGISTRY_URL",
        "LIFELINE_SCHEMA_REGISTRY_USER_INFO", "LIFELINE_API_KEY_FILE", "LIFELINE_STATE_DIR",
        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "SPRING_CLOUD_STREAM_KAFKA_STREAMS_BINDER_CONFIGURATION_SECURITY_PROTOCOL");
    assertThat(unknown).as("environment variables no service reads").isEmpty();
  }

  @Test
  void everyValueTheTemplatesReadIsDeclaredInValuesYaml() throws IOException {
    List<String> missing = new ArrayList<>();
    Pattern valuesReference = Pattern.compile("(?:\\$|\\.root|\\$root)?\\.Values\\.([A-Za-z0-9_.]+)");
    Pattern variable = Pattern.compile("\\$(\\w+) := \\.Values\\.([A-Za-z0-9_.]+)");
    for (Path template : templates()) {
      String text = Files.readString(template);
      Matcher reference = valuesReference.matcher(text);
      while (reference.find()) {
        checkDeclared(reference.group(1), template, missing);
      }
      // $svc := .Values.alertIngest ... $svc.autoscaling.enabled
      Matcher assignment = variable.matcher(text);
      Map<String, String> variables = new HashMap<>();
      while (assignment.find()) {
        variables.put(assignment.group(1), assignment.group(2));
      }
      for (Map.Entry<String, String> bound : variables.entrySet()) {
        Matcher use = Pattern.compile("\\$" + bound.getKey() + "\\.([A-Za-z0-9_.]+)").matcher(text);
        while (use.find()) {
          checkDeclared(bound.getValue() + "." + use.group(1), template, missing);
        }
      }
      // In the helpers, .service and $svc are any service's values.
      if (template.getFileName().toString().equals("_helpers.tpl")) {
        Matcher serviceUse = Pattern.compile("(?:\\.service|\\$svc)\\.([A-Za-z0-9_.]+)").matcher(text);
        while (serviceUse.find()) {
          for (String key : SERVICES.values()) {
            checkDeclared(key + "." + serviceUse.group(1), template, missing);
          }
        }
      }
    }

    assertThat(missing).as("values read by templates but not declared in values.yaml").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void strimziKafkaIsAKraftClusterWithANodePoolAndTheReplicationLifelineAssumes() throws IOException {
    List<Map<String, Object>> resources;
    try (var reader = Files.newBufferedReader(helm.resolve("strimzi/kafka.yaml"))) {
      resources = new ArrayList<>();
      for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
        resources.add(map(document));
      }
    }
    Map<String, Map<String, Object>> byKind = new HashMap<>();
    resources.forEach(resource -> byKind.put((String) resource.get("kind"), resource));

    assertThat(byKind).containsKeys("Kafka", "KafkaNodePool", "KafkaUser");
    assertThat(resources).allSatisfy(resource -> assertThat(resource).containsEntry("apiVersion", "kafka.strimzi.io/v1beta2"));
    assertThat((List<Object>) map(byKind.get("KafkaNodePool").get("spec")).get("roles")).containsExactly("controller", "broker");
    assertThat(map(map(byKind.get("Kafka").get("metadata")).get("annotations"))).containsEntry("strimzi.io/kraft", "enabled");
    Map<String, Object> config = map(map(map(byKind.get("Kafka").get("spec")).get("kafka")).get("config"));
    assertThat(config).containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3)
        .containsEntry("auto.create.topics.enable", false);
  }

  private static void checkDeclared(String path, Path template, List<String> missing) {
    Object node = values;
    for (String segment : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> children) || !children.containsKey(segment)) {
        missing.add(chart.relativize(template) + ": .Values." + path);
        return;
      }
      node = children.get(segment);
    }
  }

  private static Set<String> variablesSetByTheTemplates() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Path template : templates()) {
      String text = Files.readString(template);
      ENV_NAME.matcher(text).results().map(match -> match.group(1)).forEach(names::add);
      if (template.getFileName().toString().equals("configmap-env.yaml")) {
        CONFIG_MAP_KEY.matcher(text).results().map(match -> match.group(1)).forEach(names::add);
      }
    }
    return names;
  }

  /**
   * LIFELINE_* variables a service reads: the ${LIFELINE_...} placeholders of its YAML configuration, and the
   * relaxed-binding names (upper case, "." to "_", "-" dropped) of its lifeline.* properties, whether set in YAML or
   * named in Java (@ConditionalOnProperty, @Value) or bound to a @ConfigurationProperties record's components.
   */
  private static Set<String> lifelineVariablesTheServicesRead() throws IOException {
    Set<String> names = new TreeSet<>();
    List<Path> modules = new ArrayList<>(SERVICES.keySet().stream().map(repository::resolve).toList());
    modules.add(repository.resolve("service-runtime"));
    for (Path module : modules) {
      for (Path file : files(module.resolve("src/main/resources"), ".yml")) {
        String text = Files.readString(file);
        PLACEHOLDER.matcher(text).results().map(match -> match.group(1)).forEach(names::add);
        for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
          if (document instanceof Map<?, ?> tree) {
            flatten("", tree).forEach(property -> names.add(relaxed(property)));
          }
        }
      }
      for (Path file : files(module.resolve("src/main/java"), ".java")) {
        String text = Files.readString(file);
        PROPERTY_LITERAL.matcher(text).results().map(match -> relaxed(match.group(1))).forEach(names::add);
        Matcher prefix = Pattern.compile("@ConfigurationProperties\\(\"(lifeline\\.[a-z0-9.-]+)\"\\)").matcher(text);
        Matcher record = Pattern.compile("public record \\w+\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)").matcher(text);
        if (prefix.find() && record.find()) {
          Matcher component = Pattern.compile("(\\w+)\\s*(?:,|$)").matcher(record.group(1).strip());
          while (component.find()) {
            names.add(relaxed(prefix.group(1) + "." + component.group(1)));
          }
        }
      }
    }
    return names;
  }

  private static List<String> flatten(String prefix, Map<?, ?> tree) {
    List<String> properties = new ArrayList<>();
    tree.forEach((key, value) -> {
      String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
      properties.add(name);
      if (value instanceof Map<?, ?> children) {
        properties.addAll(flatten(name, children));
      }
    });
    return properties;
  }

  /** Spring Boot's canonical environment variable of a property: upper case, "." to "_", "-" removed. */
  private static String relaxed(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static List<Path> templates() throws IOException {
    return files(chart.resolve("templates"), "");
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Map<String, Object> load(Path file) throws IOException {
    try (var reader = Files.newBufferedReader(file)) {
      return map(new Yaml(new LoaderOptions()).load(reader));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
