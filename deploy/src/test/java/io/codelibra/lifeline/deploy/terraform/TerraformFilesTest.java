package io.codelibra.lifeline.deploy.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Terraform under deploy/terraform, checked in the normal build without a terraform binary: every {@code .tf} file
 * parses with hcl4j and is laid out as {@code terraform fmt} lays it out, every module has the standard files, every
 * variable and output is documented and typed, the failover records are complete, and the example wires the DR
 * provider into the replica module. {@code terraform validate} stays the authority where Terraform is installed.
 */
class TerraformFilesTest {

  static {
    // hcl4j logs every data source and expression it meets; keep that out of the build log (slf4j-simple reads
    // this when hcl4j's logger is created).
    System.setProperty("org.slf4j.simpleLogger.log.com.bertramlabs.plugins.hcl4j", "off");
  }

  private static Path root;
  private static Map<Path, Map<String, Object>> parsed;

  @BeforeAll
  static void parseEverything() throws IOException {
    root = terraformRoot();
    parsed = new LinkedHashMap<>();
    for (Path file : tfFiles()) {
      try {
        parsed.put(root.relativize(file), parse(Files.readString(file)));
      } catch (Exception e) {
        throw new AssertionError(root.relativize(file) + " does not parse as HCL: " + e.getMessage(), e);
      }
    }
  }

  /** deploy/terraform, found from the module's directory (Maven) or the repository's (an IDE). */
  static Path terraformRoot() {
    return Stream.of(Path.of("terraform"), Path.of("deploy", "terraform"))
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("deploy/terraform not found from " + Path.of("").toAbsolutePath()))
        .toAbsolutePath();
  }

  @Test
  void everyTfFileParsesAndTheStackHasTheExpectedFiles() {
    assertThat(parsed.keySet()).extracting(Path::toString).contains(
        "modules/route53-failover/main.tf",
        "modules/rds-cross-region-replica/main.tf",
        "modules/dynamodb-global-table/main.tf",
        "modules/sns-alarms/main.tf",
        "modules/lifeline-iam/main.tf",
        "modules/lifeline-iam/failover.tf",
        "modules/lifeline-iam/recovery.tf",
        "modules/lifeline-iam/roles.tf",
        "examples/vibe-platform/main.tf",
        "examples/vibe-platform/lifeline.tf");
    assertThat(parsed.values()).allSatisfy(content -> assertThat(content).isNotEmpty());
  }

  @Test
  void everyTfFileIsLaidOutAsTerraformFmtDoes() throws IOException {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Path file : tfFiles()) {
      List<String> found = HclLayout.problems(Files.readString(file));
      if (!found.isEmpty()) {
        problems.put(root.relativize(file).toString(), found);
      }
    }
    assertThat(problems).as("terraform fmt layout").isEmpty();
  }

  @Test
  void everyModuleHasTheStandardFiles() throws IOException {
    List<Path> modules;
    try (Stream<Path> dirs = Files.list(root.resolve("modules"))) {
      modules = dirs.filter(Files::isDirectory).toList();
    }
    assertThat(modules).extracting(m -> m.getFileName().toString()).containsExactlyInAnyOrder("route53-failover",
        "rds-cross-region-replica", "dynamodb-global-table", "sns-alarms", "lifeline-iam");
    for (Path module : modules) {
      for (String name : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
        assertThat(module.resolve(name)).as(module.getFileName() + "/" + name).isRegularFile();
      }
      Map<String, Object> terraform = map(parsedOf(module.resolve("versions.tf")).get("terraform"));
      assertThat(terraform).as(module + " required_version").containsKey("required_version");
      Map<String, Object> aws = map(map(terraform.get("required_providers")).get("aws"));
      assertThat(aws.get("source")).isEqualTo("hashicorp/aws");
      assertThat(String.valueOf(aws.get("version"))).startsWith("~> 5.");
    }
  }

  @Test
  void everyVariableHasADescriptionAndATypeAndEveryOutputADescription() {
    List<String> undocumented = new ArrayList<>();
    parsed.forEach((file, content) -> {
      map(content.getOrDefault("variable", Map.of())).forEach((name, body) -> {
        Map<String, Object> variable = map(body);
        if (!(variable.get("description") instanceof String d) || d.isBlank()) {
          undocumented.add(file + ": variable " + name + " has no description");
        }
        if (variable.get("type") == null) {
          undocumented.add(file + ": variable " + name + " has no type");
        }
      });
      map(content.getOrDefault("output", Map.of())).forEach((name, body) -> {
        if (!(map(body).get("description") instanceof String d) || d.isBlank()) {
          undocumented.add(file + ": output " + name + " has no description");
        }
      });
    });
    assertThat(undocumented).isEmpty();
    assertThat(variablesOf("modules/route53-failover")).contains("use_arc_routing_controls", "search_string",
        "health_check_regions", "invert_healthcheck", "failure_threshold", "request_interval");
  }

  @Test
  void everyFailoverRecordHasASetIdentifierAndThePrimaryAHealthCheck() {
    List<Map<String, Object>> failoverRecords = new ArrayList<>();
    parsed.forEach((file, content) -> map(map(content.getOrDefault("resource", Map.of()))
        .getOrDefault("aws_route53_record", Map.of())).forEach((name, body) -> {
          Map<String, Object> record = map(body);
          if (record.containsKey("failover_routing_policy")) {
            assertThat(record).as(file + " aws_route53_record." + name).containsKey("set_identifier");
            failoverRecords.add(record);
          }
        }));
    assertThat(failoverRecords).extracting(r -> map(r.get("failover_routing_policy")).get("type"))
        .containsExactlyInAnyOrder("PRIMARY", "SECONDARY");
    assertThat(failoverRecords).filteredOn(r -> "PRIMARY".equals(map(r.get("failover_routing_policy")).get("type")))
        .allSatisfy(r -> assertThat(r).containsKeys("health_check_id", "alias"));
  }

  @Test
  void arcResourcesAreOnlyCreatedBehindTheSwitch() throws IOException {
    Map<String, Object> resources = map(parsed.get(Path.of("modules/route53-failover/main.tf")).get("resource"));
    resources.forEach((type, byName) -> {
      if (type.startsWith("aws_route53recoverycontrolconfig_")) {
        map(byName).forEach((name, body) -> assertThat(map(body)).as(type + "." + name).containsKey("count"));
      }
    });
    assertThat(Files.readString(root.resolve("modules/route53-failover/main.tf")))
        .contains("arc_count = var.use_arc_routing_controls ? 1 : 0")
        .contains("type                = \"RECOVERY_CONTROL\"");
  }

  @Test
  void theGlobalTableHasWhatGlobalTablesNeed() {
    Map<String, Object> table = map(map(map(parsed.get(Path.of("modules/dynamodb-global-table/main.tf"))
        .get("resource")).get("aws_dynamodb_table")).get("this"));
    assertThat(table).containsEntry("billing_mode", "PAY_PER_REQUEST")
        .containsEntry("stream_enabled", true)
        .containsEntry("stream_view_type", "NEW_AND_OLD_IMAGES")
        .containsKey("point_in_time_recovery");
    assertThat(map(table.get("dynamic"))).containsKey("replica");
  }

  @Test
  void theExamplePassesTheDrProviderToTheReplicaModule() {
    Map<String, Object> example = parsed.get(Path.of("examples/vibe-platform/main.tf"));
    List<Object> providers = list(map(example.get("provider")).get("aws"));
    assertThat(providers).extracting(p -> String.valueOf(map(p).get("alias"))).contains("dr");

    Map<String, Object> modules = map(example.get("module"));
    assertThat(modules).containsKeys("route53_failover", "postgres_replica", "sessions_table");
    modules.forEach((name, body) -> {
      Path source = root.resolve("examples/vibe-platform").resolve(String.valueOf(map(body).get("source"))).normalize();
      assertThat(source.resolve("versions.tf")).as("module " + name + " source").isRegularFile();
    });
    Map<String, Object> replica = map(modules.get("postgres_replica"));
    assertThat(String.valueOf(replica.get("source"))).endsWith("modules/rds-cross-region-replica");
    assertThat(String.valueOf(map(replica.get("providers")).get("aws.dr"))).isEqualTo("aws.dr");

    Map<String, Object> replicaVersions = parsed.get(Path.of("modules/rds-cross-region-replica/versions.tf"));
    Map<String, Object> aws = map(map(map(replicaVersions.get("terraform")).get("required_providers")).get("aws"));
    assertThat(list(aws.get("configuration_aliases"))).map(String::valueOf).containsExactly("aws.dr");
    Map<String, Object> instance = map(map(map(parsed.get(Path.of("modules/rds-cross-region-replica/main.tf"))
        .get("resource")).get("aws_db_instance")).get("replica"));
    assertThat(String.valueOf(instance.get("provider"))).isEqualTo("aws.dr");
    assertThat(instance).containsKeys("replicate_source_db", "kms_key_id",
        "backup_retention_period", "multi_az", "instance_class");
  }

  @Test
  void theChecksFailOnBrokenHcl() {
    assertThatThrownBy(() -> parse("resource \"a\" \"b\" {\n  x = \"unterminated\n}\n")).isInstanceOf(Exception.class);
    assertThat(HclLayout.problems("resource \"a\" \"b\" {\n  x = [1, 2\n}\n")).isNotEmpty();
    assertThat(HclLayout.problems("variable \"x\" {\n  type = string\n}}\n")).anyMatch(p -> p.contains("unmatched"));
    assertThat(HclLayout.problems("resource \"a\" \"b\" {\n  x = 1\n")).anyMatch(p -> p.contains("unclosed"));
    assertThat(HclLayout.problems("resource \"a\" \"b\" {\n  x = 1\n  long_name = 2\n}\n"))
        .containsExactly("2: '=' at column 5, terraform fmt puts it at column 13");
    assertThat(HclLayout.problems("resource \"a\" \"b\" {\n   x = 1\n}\n")).anyMatch(p -> p.contains("indented 3"));
    assertThat(HclLayout.problems("resource \"a\" \"b\" {\n  x         = 1\n  long_name = 2\n}\n")).isEmpty();
    assertThat(HclLayout.problems("output \"o\" {\n  description = \"${var.a}-{x}\"\n  value = {\n"
        + "    a = [1,\n    2]\n  }\n}\n")).isEmpty();
  }

  private static Map<String, Object> parsedOf(Path file) {
    return parsed.get(root.relativize(file));
  }

  private static List<String> variablesOf(String module) {
    return List.copyOf(map(parsed.get(Path.of(module, "variables.tf")).get("variable")).keySet());
  }

  private static List<Path> tfFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".tf") && Files.isRegularFile(f))
          .filter(f -> !root.relativize(f).toString().contains(".terraform"))
          .sorted()
          .toList();
    }
  }

  /** Parses with hcl4j, which prints its expression tracing to System.out: that is kept out of the build log. */
  static synchronized Map<String, Object> parse(String source) throws Exception {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    try {
      return new HCLParser().parse(new StringReader(source));
    } finally {
      System.setOut(out);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }
}
