package io.codelibra.lifeline.recovery.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The {@code k8s.*} actions on {@link ApiServerCluster}, against a local HTTP API server that records requests. */
class ApiServerActionsTest {

  private static final String NS = "vibe-production";
  private static final String SECRET_PATH = "/api/v1/namespaces/" + NS + "/secrets/backend-database";
  private static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments/backend";
  private static final String REPLICA_SETS_PATH = "/apis/apps/v1/namespaces/" + NS + "/replicasets";
  private static final String DEPLOYMENT_UID = "0d5c3c53-7c8e-4b4c-9d36-5b1f2f0c0a11";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:30.250Z"), ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FakeApiServer server;
  private KubernetesClient client;
  private ApiServerCluster cluster;

  @BeforeEach
  void start() {
    server = new FakeApiServer();
    client = server.client();
    cluster = new ApiServerCluster(client);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void patchSecretSendsTheBase64ValueAsAMergePatchOfOneKey() {
    server.expect("GET", SECRET_PATH, 200, secret("41", "old-db.us-east-1.internal"))
        .expect("PATCH", SECRET_PATH, 200, secret("42", "db.us-west-2.internal"));

    ActionResult result = new PatchSecretAction(cluster).execute(call(Map.of("namespace", NS,
        "secret", "backend-database", "key", "DATABASE_HOST", "value", "db.us-west-2.internal")));

    assertThat(result.outputs()).containsExactlyInAnyOrderEntriesOf(Map.of("secret", "backend-database",
        "key", "DATABASE_HOST", "resource-version", "42"));
    assertThat(result.detail()).doesNotContain("db.us-west-2.internal");
    FakeApiServer.Request patch = single("PATCH");
    assertThat(patch.path()).isEqualTo(SECRET_PATH);
    assertThat(patch.contentType()).startsWith("application/merge-patch+json");
    assertThat(JSON.readValue(patch.body(), Map.class))
        .isEqualTo(Map.of("data", Map.of("DATABASE_HOST", base64("db.us-west-2.internal"))));
  }

  @Test
  void patchSecretWritesNothingWhenTheKeyAlreadyHoldsTheValue() {
    server.expect("GET", SECRET_PATH, 200, secret("42", "db.us-west-2.internal"));

    ActionResult result = new PatchSecretAction(cluster).execute(call(Map.of("namespace", NS,
        "secret", "backend-database", "key", "DATABASE_HOST", "value", "db.us-west-2.internal")));

    assertThat(result.outputs()).containsEntry("resource-version", "42");
    assertThat(server.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET");
  }

  @Test
  void patchSecretOfAMissingSecretFailsNotRetryable() {
    assertThatThrownBy(() -> new PatchSecretAction(cluster).execute(call(Map.of("namespace", NS,
        "secret", "backend-database", "key", "DATABASE_HOST", "value", "db.us-west-2.internal"))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("backend-database").hasMessageContaining("not found")
        .hasMessageNotContaining("db.us-west-2.internal");
  }

  @Test
  void rolloutRestartPatchesTheRestartedAtAndKeyAnnotationsOfThePodTemplate() {
    server.expect("GET", DEPLOYMENT_PATH, 200, deployment(4, 4, 3, 3, 3, "4", Map.of()))
        .expect("PATCH", DEPLOYMENT_PATH, 200, deployment(5, 4, 3, 3, 3, "4", Map.of(
            RolloutRestartAction.RESTARTED_AT, "2026-11-24T10:15:30Z", RolloutRestartAction.RESTART_KEY, "run-1/restart")));

    ActionResult result = new RolloutRestartAction(cluster, CLOCK).execute(call(Map.of("namespace", NS,
        "deployment", "backend")));

    assertThat(result.outputs()).containsExactlyEntriesOf(Map.of("generation", "5"));
    FakeApiServer.Request patch = single("PATCH");
    assertThat(patch.contentType()).startsWith("application/strategic-merge-patch+json");
    assertThat(JSON.readValue(patch.body(), Map.class)).isEqualTo(Map.of("spec", Map.of("template",
        Map.of("metadata", Map.of("annotations", Map.of(
            "kubectl.kubernetes.io/restartedAt", "2026-11-24T10:15:30Z",
            "lifeline.io/restart-key", "run-1/restart"))))));
  }

  @Test
  void rolloutRestartAlreadyAppliedUnderTheKeyIsNotRepeated() {
    server.expect("GET", DEPLOYMENT_PATH, 200, deployment(5, 5, 3, 3, 3, "5", Map.of(
        RolloutRestartAction.RESTARTED_AT, "2026-11-24T10:15:30Z", RolloutRestartAction.RESTART_KEY, "run-1/restart")));

    ActionResult result = new RolloutRestartAction(cluster, CLOCK).execute(call(Map.of("namespace", NS,
        "deployment", "backend")));

    assertThat(result.outputs()).containsEntry("generation", "5");
    assertThat(server.requests("PATCH")).isEmpty();
  }

  @Test
  void rolloutUndoPutsBackThePodTemplateOfThePreviousRevision() {
    server.expect("GET", DEPLOYMENT_PATH, 200, deployment(7, 7, 3, 3, 3, "3", Map.of()))
        .expect("GET", REPLICA_SETS_PATH, 200, replicaSets())
        .expect("PATCH", DEPLOYMENT_PATH, 200, deployment(8, 7, 3, 3, 3, "4", Map.of()));

    ActionResult result = new RolloutUndoAction(cluster).execute(call(Map.of("namespace", NS,
        "deployment", "backend")));

    assertThat(result.outputs()).containsExactlyEntriesOf(Map.of("revision", "2"));
    assertThat(server.requests("GET")).filteredOn(r -> r.path().equals(REPLICA_SETS_PATH))
        .allSatisfy(r -> assertThat(r.query()).isEqualTo("labelSelector=app=backend"));
    FakeApiServer.Request patch = single("PATCH");
    assertThat(patch.path()).isEqualTo(DEPLOYMENT_PATH);
    assertThat(patch.contentType()).startsWith("application/json-patch+json");
    List<?> operations = JSON.readValue(patch.body(), List.class);
    assertThat(operations).hasSize(2);
    Map<?, ?> template = (Map<?, ?>) operations.get(0);
    assertThat(template.get("op")).isEqualTo("replace");
    assertThat(template.get("path")).isEqualTo("/spec/template");
    assertThat(JSON.writeValueAsString(template.get("value")))
        .contains("registry.example/backend:2.0").doesNotContain("pod-template-hash");
    Map<?, ?> annotations = (Map<?, ?>) operations.get(1);
    assertThat(annotations.get("path")).isEqualTo("/metadata/annotations");
    @SuppressWarnings("unchecked")
    Map<String, String> annotationValues = (Map<String, String>) annotations.get("value");
    assertThat(annotationValues).containsEntry("lifeline.io/undo-key", "run-1/restart")
        .containsEntry("lifeline.io/undo-revision", "2")
        .containsEntry("deployment.kubernetes.io/revision", "3");
  }

  @Test
  void rolloutUndoToAGivenRevisionFailsWhenTheHistoryLacksIt() {
    server.expect("GET", DEPLOYMENT_PATH, 200, deployment(7, 7, 3, 3, 3, "3", Map.of()))
        .expect("GET", REPLICA_SETS_PATH, 200, replicaSets());

    assertThatThrownBy(() -> new RolloutUndoAction(cluster).execute(call(Map.of("namespace", NS,
        "deployment", "backend", "to-revision", "9"))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("no revision 9").hasMessageContaining("[1, 2, 3]");
    assertThat(server.requests("PATCH")).isEmpty();
  }

  @Test
  void waitRolloutSucceedsOnceEveryReplicaIsUpdatedAndAvailable() {
    server.expect("GET", DEPLOYMENT_PATH, 200, deployment(5, 5, 3, 3, 3, "5", Map.of()));

    ActionResult result = new WaitRolloutAction(cluster, Clock.systemUTC()).execute(call(Map.of("namespace", NS,
        "deployment", "backend", "poll-every", "50ms")));

    assertThat(result.outputs()).containsExactlyEntriesOf(Map.of("ready-replicas", "3"));
  }

  @Test
  void waitRolloutTimesOutWhenReplicasNeverBecomeAvailable() {
    server.expect("GET", DEPLOYMENT_PATH, 200, deployment(5, 5, 3, 3, 1, "5", Map.of()));
    ActionCall call = new ActionCall("run-1", "wait", "run-1/wait", Map.of("namespace", NS, "deployment", "backend",
        "poll-every", "50ms"), Duration.ofMillis(400));

    assertThatThrownBy(() -> new WaitRolloutAction(cluster, Clock.systemUTC()).execute(call))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("vibe-production/backend did not roll out within PT0.4S")
        .hasMessageContaining("1 of 3 updated replicas to be available");
    assertThat(server.requests("GET").size()).isGreaterThan(2);
  }

  @Test
  void waitRolloutFailsAtOnceWhenTheProgressDeadlineIsExceeded() {
    String stalled = deployment(5, 5, 3, 3, 1, "5", Map.of()).replace("\"conditions\":[]",
        "\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\","
            + "\"message\":\"ReplicaSet \\\"backend-5\\\" has timed out progressing.\"}]");
    server.expect("GET", DEPLOYMENT_PATH, 200, stalled);

    assertThatThrownBy(() -> new WaitRolloutAction(cluster, Clock.systemUTC()).execute(call(Map.of("namespace", NS,
        "deployment", "backend"))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("exceeded its progress deadline").hasMessageContaining("timed out progressing");
  }

  private FakeApiServer.Request single(String method) {
    assertThat(server.requests(method)).hasSize(1);
    return server.requests(method).getFirst();
  }

  private static ActionCall call(Map<String, String> parameters) {
    return new ActionCall("run-1", "restart", "run-1/restart", parameters, Duration.ofSeconds(10));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String secret(String resourceVersion, String host) {
    return """
        {"apiVersion":"v1","kind":"Secret","type":"Opaque",
         "metadata":{"name":"backend-database","namespace":"vibe-production","resourceVersion":"%s"},
         "data":{"DATABASE_HOST":"%s","DATABASE_USER":"%s"}}
        """.formatted(resourceVersion, base64(host), base64("backend"));
  }

  private static String deployment(long generation, long observedGeneration, int replicas, int updated,
      int available, String revision, Map<String, String> templateAnnotations) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"backend","namespace":"vibe-production","uid":"%s","generation":%d,
           "annotations":{"deployment.kubernetes.io/revision":"%s","team":"payments"}},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"backend"}},
           "template":{"metadata":{"labels":{"app":"backend"},"annotations":%s},
             "spec":{"containers":[{"name":"backend","image":"registry.example/backend:3.0"}]}}},
         "status":{"observedGeneration":%d,"replicas":%d,"updatedReplicas":%d,"readyReplicas":%d,
           "availableReplicas":%d,"conditions":[]}}
        """.formatted(DEPLOYMENT_UID, generation, revision, replicas, JSON.writeValueAsString(templateAnnotations),
        observedGeneration, replicas, updated, available, available);
  }

  private static String replicaSets() {
    return """
        {"apiVersion":"apps/v1","kind":"ReplicaSetList","metadata":{"resourceVersion":"900"},"items":[%s,%s,%s,%s]}
        """.formatted(replicaSet("backend-1111", "1", "1.0", DEPLOYMENT_UID),
        replicaSet("backend-2222", "2", "2.0", DEPLOYMENT_UID),
        replicaSet("backend-3333", "3", "3.0", DEPLOYMENT_UID),
        // Matches the selector but belongs to another Deployment: not part of this history.
        replicaSet("backend-canary-9999", "9", "9.0", "5f0e7d9a-0000-4000-8000-000000000009"));
  }

  private static String replicaSet(String name, String revision, String version, String ownerUid) {
    return """
        {"apiVersion":"apps/v1","kind":"ReplicaSet",
         "metadata":{"name":"%1$s","namespace":"vibe-production",
           "annotations":{"deployment.kubernetes.io/revision":"%2$s","team":"payments"},
           "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"backend","uid":"%4$s",
             "controller":true}]},
         "spec":{"replicas":0,"selector":{"matchLabels":{"app":"backend","pod-template-hash":"%1$s"}},
           "template":{"metadata":{"labels":{"app":"backend","pod-template-hash":"%1$s"}},
             "spec":{"containers":[{"name":"backend","image":"registry.example/backend:%3$s"}]}}}}
        """.formatted(name, revision, version, ownerUid);
  }
}
