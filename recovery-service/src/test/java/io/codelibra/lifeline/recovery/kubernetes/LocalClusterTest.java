package io.codelibra.lifeline.recovery.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code k8s.*} actions on the local stack's files. */
class LocalClusterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);
  private static final Map<String, String> BACKEND = Map.of("namespace", "vibe-production", "deployment", "backend");

  @TempDir
  Path directory;

  private LocalCluster cluster;

  @BeforeEach
  void seed() {
    cluster = new LocalCluster(directory);
    cluster.seedDemo();
  }

  @Test
  void restartThenUndoRestoresTheTemplateOfTheFirstRevision() {
    ActionResult restarted = new RolloutRestartAction(cluster, CLOCK).execute(call("restart", BACKEND));
    DeploymentStatus afterRestart = cluster.deployment("vibe-production", "backend");

    assertThat(restarted.outputs()).containsEntry("generation", "2");
    assertThat(afterRestart.revision()).contains(2L);
    assertThat(afterRestart.templateAnnotations())
        .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-24T10:15:30Z")
        .containsEntry("lifeline.io/restart-key", "run-1/restart");
    assertThat(new WaitRolloutAction(cluster, CLOCK).execute(call("wait", BACKEND)).outputs())
        .containsEntry("ready-replicas", "1");

    ActionResult undone = new RolloutUndoAction(cluster).execute(call("undo", BACKEND));
    DeploymentStatus afterUndo = cluster.deployment("vibe-production", "backend");

    assertThat(undone.outputs()).containsEntry("revision", "1");
    assertThat(afterUndo.templateAnnotations()).isEmpty();
    assertThat(afterUndo.revision()).contains(3L);
    assertThat(afterUndo.generation()).isEqualTo(3);
    assertThat(afterUndo.annotations()).containsEntry("lifeline.io/undo-key", "run-1/undo");
    // As in Kubernetes, the restored template moves to a new revision and leaves its old number.
    assertThat(cluster.revisions("vibe-production", "backend")).containsExactly(2L, 3L);
    assertThat(afterUndo.waitingFor()).isEmpty();
  }

  @Test
  void rerunsUnderTheSameKeysChangeNothing() throws Exception {
    new RolloutRestartAction(cluster, CLOCK).execute(call("restart", BACKEND));
    new RolloutUndoAction(cluster).execute(call("undo", BACKEND));
    Path file = directory.resolve("vibe-production/deployments/backend.json");
    String before = Files.readString(file);

    ActionResult undoAgain = new RolloutUndoAction(cluster).execute(call("undo", BACKEND));

    assertThat(undoAgain.outputs()).containsEntry("revision", "1");
    assertThat(undoAgain.detail()).contains("already rolled back");
    assertThat(Files.readString(file)).isEqualTo(before);

    ActionResult restartAgain = new RolloutRestartAction(cluster, CLOCK).execute(call("restart-2", BACKEND));
    ActionResult restartRetried = new RolloutRestartAction(cluster, CLOCK).execute(call("restart-2", BACKEND));
    assertThat(restartRetried.outputs()).isEqualTo(restartAgain.outputs());
    assertThat(restartRetried.detail()).contains("already restarted");
  }

  @Test
  void patchSecretWritesTheBase64ValueOnceAndNeverShowsIt() throws Exception {
    Map<String, String> parameters = Map.of("namespace", "vibe-production", "secret", "backend-database",
        "key", "DATABASE_HOST", "value", "backend-db.standby.lifeline.local");
    Path file = directory.resolve("vibe-production/secrets/backend-database.json");

    ActionResult first = new PatchSecretAction(cluster).execute(call("patch", parameters));
    String written = Files.readString(file);
    ActionResult second = new PatchSecretAction(cluster).execute(call("patch", parameters));

    assertThat(written).contains(Base64.getEncoder()
        .encodeToString("backend-db.standby.lifeline.local".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(file)).isEqualTo(written);
    assertThat(second.outputs()).isEqualTo(first.outputs());
    assertThat(first.outputs().values()).noneMatch(v -> v.contains("standby"));
    assertThat(first.detail() + second.detail()).doesNotContain("standby");
  }

  @Test
  void missingDeploymentFailsWithoutCreatingIt() {
    assertThatThrownBy(() -> new RolloutRestartAction(cluster, CLOCK).execute(call("restart",
        Map.of("namespace", "vibe-production", "deployment", "frontend"))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("Deployment vibe-production/frontend not found");
    assertThat(directory.resolve("vibe-production/deployments/frontend.json")).doesNotExist();
  }

  @Test
  void namesThatWouldLeaveTheDirectoryAreRejected() {
    assertThatThrownBy(() -> cluster.deployment("..", "backend"))
        .isInstanceOf(ActionFailedException.class).hasMessageContaining("not a valid Kubernetes name");
  }

  @Test
  void waitRolloutHonoursAStuckRolloutWrittenInTheFile() throws Exception {
    Path file = directory.resolve("vibe-production/deployments/backend.json");
    Files.writeString(file, Files.readString(file).replaceFirst("\"availableReplicas\" ?: ?1", "\"availableReplicas\": 0"));
    ActionCall call = new ActionCall("run-1", "wait", "run-1/wait", Map.of("namespace", "vibe-production",
        "deployment", "backend", "poll-every", "20ms"), Duration.ofMillis(100));

    assertThatThrownBy(() -> new WaitRolloutAction(cluster, Clock.systemUTC()).execute(call))
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("0 of 1 updated replicas to be available");
  }

  private static ActionCall call(String step, Map<String, String> parameters) {
    return new ActionCall("run-1", step, "run-1/" + step, parameters, Duration.ofSeconds(5));
  }
}
