package io.codelibra.lifeline.failover.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.failover.routing.ExecutedStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatabaseFailoverTest {

  @TempDir
  Path dir;

  @Test
  void copiesThePrimarysDataToTheSecondaryAndVerifiesSizeAndChecksum() throws Exception {
    byte[] data = "incident,region\n1,us-east-1\n2,us-east-1\n".repeat(1000).getBytes();
    Files.createDirectories(dir.resolve("us-east-1"));
    Files.write(dir.resolve("us-east-1/demo.csv"), data);
    Files.createDirectories(dir.resolve("us-west-2"));
    Files.writeString(dir.resolve("us-west-2/demo.csv"), "stale");
    LocalDatabaseFailover failover = failover();

    assertThat(failover.check().ready()).isTrue();
    PromotionResult result = failover.promote();

    assertThat(result.changed()).isTrue();
    assertThat(Files.readAllBytes(dir.resolve("us-west-2/demo.csv"))).isEqualTo(data);
    assertThat(result.verified()).isEqualTo("size " + data.length + ", sha-256 "
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    assertThat(result.steps()).extracting(ExecutedStep::name).containsExactly("local-copy-data", "local-verify-copy");
    assertThat(dir.resolve("us-west-2")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void isNotReadyWithoutThePrimarysDataFile() {
    DatabaseReadiness readiness = failover().check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).singleElement().asString().contains("demo.csv");
  }

  private LocalDatabaseFailover failover() {
    return new LocalDatabaseFailover(
        new LocalDatabaseSettings(dir.resolve("us-east-1"), dir.resolve("us-west-2"), "demo.csv"), Clock.systemUTC());
  }
}
