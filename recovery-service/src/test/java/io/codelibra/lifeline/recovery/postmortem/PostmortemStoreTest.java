package io.codelibra.lifeline.recovery.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemStoreTest {

  @TempDir
  Path directory;

  @Test
  void storesTheDraftAndReadsItBack() throws Exception {
    PostmortemStore store = new PostmortemStore(directory.resolve("postmortems"));

    assertThat(store.write("inc-42", "# Review\n")).isEqualTo(PostmortemStore.Outcome.WRITTEN);

    assertThat(store.read("inc-42")).contains("# Review\n");
    assertThat(Files.readString(directory.resolve("postmortems/inc-42.md"))).startsWith("<!-- lifeline").endsWith("# Review\n");
    try (var files = Files.list(directory.resolve("postmortems"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void rewritesAnUntouchedDraftButKeepsOnePeopleEdited() throws Exception {
    PostmortemStore store = new PostmortemStore(directory);
    store.write("inc-42", "# Review v1\n");
    assertThat(store.write("inc-42", "# Review v1\n")).isEqualTo(PostmortemStore.Outcome.UNCHANGED);
    assertThat(store.write("inc-42", "# Review v2\n")).isEqualTo(PostmortemStore.Outcome.WRITTEN);

    Path file = directory.resolve("inc-42.md");
    Files.writeString(file, Files.readString(file) + "Root cause: a full disk.\n");

    assertThat(store.write("inc-42", "# Review v3\n")).isEqualTo(PostmortemStore.Outcome.KEPT_EDITED);
    assertThat(store.read("inc-42").orElseThrow()).contains("a full disk");
  }

  @Test
  void refusesIncidentIdsThatCouldLeaveTheDirectory() {
    PostmortemStore store = new PostmortemStore(directory);

    assertThatThrownBy(() -> store.write("../etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.write("a/b", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.read("..")).isEmpty();
    assertThat(store.read(".hidden")).isEmpty();
    assertThat(IncidentIds.safe("01J8Z6-inc_42.a")).isTrue();
  }
}
