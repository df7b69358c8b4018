package io.codelibra.lifeline.statuspage.publicpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real page in a real browser: headless Chromium loads the outage page from the public read side on an embedded
 * Tomcat, dumps its DOM (target/statuspage-outage.dom.html) and takes a screenshot (target/statuspage-outage.png).
 * Skipped when no Chromium is installed.
 */
@Tag("browser")
class StatusPageBrowserTest {

  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final Path SCREENSHOT = Path.of("target", "statuspage-outage.png");
  private static final Path DOM = Path.of("target", "statuspage-outage.dom.html");

  @TempDir
  Path profile;

  @Test
  void anOutagePageShowsTheInjectedScriptAsTextAndContainsNoScriptElement() throws Exception {
    Optional<Path> chromium = chromium();
    assumeTrue(chromium.isPresent(), "no Chromium binary on the PATH (" + BROWSERS + "): browser test skipped");

    try (PublicPageServer server = PublicPageServer.serving(PublicPageSnapshots.outage())) {
      String dom = run(chromium.get(), "--dump-dom", server.url("/"));
      Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
      Files.writeString(DOM, dom);
      Files.deleteIfExists(SCREENSHOT);
      run(chromium.get(), "--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,1600", "--hide-scrollbars",
          server.url("/"));

      assertThat(dom).contains("<h2 id=\"overall-status\">Major System Outage</h2>");
      assertThat(dom).contains("We are investigating errors on the API. &lt;script&gt;alert(1)&lt;/script&gt;</p>");
      assertThat(dom.toLowerCase()).doesNotContain("<script");
      assertThat(dom).contains("Maintenance in progress").contains("Notification queue upgrade");
      byte[] png = Files.readAllBytes(SCREENSHOT);
      assertThat(png.length).isGreaterThan(10_000);
      assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
  }

  private String run(Path chromium, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath()));
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(profile.getParent(), "chromium", ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + command);
    }
    assertThat(process.exitValue()).as("chromium exit code; its log: " + Files.readString(log)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static Optional<Path> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : BROWSERS) {
      for (String directory : path.split(File.pathSeparator)) {
        Path candidate = Path.of(directory, name);
        if (!directory.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
