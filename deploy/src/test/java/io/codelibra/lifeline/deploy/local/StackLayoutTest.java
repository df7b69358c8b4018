package io.codelibra.lifeline.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {

  @TempDir
  Path root;

  @Test
  void generatesTheApiKeyOnceReadableByTheOwnerOnly() throws Exception {
    StackLayout layout = new StackLayout(root, root.resolve(".lifeline"));

    String first = layout.apiKey();
    String second = layout.apiKey();

    assertThat(first).hasSize(48).isEqualTo(second);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.apiKeyFile()))).isEqualTo("rw-------");
  }

  @Test
  void aPidFileOfAnEndedProcessOrARecycledPidNamesNoProcess() throws Exception {
    StackLayout layout = new StackLayout(root, root.resolve(".lifeline"));
    layout.createDirectories();

    ManagedProcess sleeper = ManagedProcess.start("sleeper", List.of("sleep", "30"), Map.of(), layout);
    assertThat(ManagedProcess.fromPidFile("sleeper", layout)).map(ManagedProcess::pid).contains(sleeper.pid());

    Files.writeString(layout.pidFile("sleeper"), sleeper.pid() + " 12345\n");
    assertThat(ManagedProcess.fromPidFile("sleeper", layout)).isEmpty();

    sleeper.stop(layout);
    assertThat(sleeper.isAlive()).isFalse();
    assertThat(layout.pidFile("sleeper")).doesNotExist();
  }
}
