package io.codelibra.lifeline.deploy.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local stack's two demo regions ({@code us-east-1} primary, {@code us-west-2} its DR region) and the {@code www}
 * entry point in front of them, run inside the launcher: what failover-service checks, fails over and fails back.
 */
public final class DemoRegions implements AutoCloseable {

  public static final String PRIMARY = "us-east-1";
  public static final String SECONDARY = "us-west-2";
  public static final int WWW_PORT = 8090;
  public static final int PRIMARY_PORT = 8091;
  public static final int SECONDARY_PORT = 8092;
  public static final String DATA_FILE = "orders.jsonl";

  private final DemoRegion primary;
  private final DemoRegion secondary;
  private final WwwEntryPoint www;

  private DemoRegions(DemoRegion primary, DemoRegion secondary, WwwEntryPoint www) {
    this.primary = primary;
    this.secondary = secondary;
    this.www = www;
  }

  /** The demo data the primary starts with, when it has none yet. */
  static final String SEED_ORDERS = "{\"order\":1001,\"item\":\"vibe-pro\",\"total\":49.00}\n"
      + "{\"order\":1002,\"item\":\"vibe-team\",\"total\":199.00}\n";

  /**
   * Starts both regions and the entry point, which routes by {@code routingFile} (written by failover-service). Each
   * region keeps its data in {@code regionsDirectory/<region>/orders.jsonl}; the primary's is seeded when missing.
   */
  public static DemoRegions start(Path routingFile, Path regionsDirectory, String apiKey) {
    try {
      Path eastData = Files.createDirectories(regionsDirectory.resolve(PRIMARY)).resolve(DATA_FILE);
      Files.createDirectories(regionsDirectory.resolve(SECONDARY));
      if (!Files.exists(eastData)) {
        Files.writeString(eastData, SEED_ORDERS, StandardCharsets.UTF_8);
      }
      DemoRegion east = new DemoRegion(PRIMARY, PRIMARY_PORT, apiKey, eastData).start();
      DemoRegion west = new DemoRegion(SECONDARY, SECONDARY_PORT, apiKey,
          regionsDirectory.resolve(SECONDARY).resolve(DATA_FILE)).start();
      WwwEntryPoint www = new WwwEntryPoint(WWW_PORT, routingFile, PRIMARY, Map.of(
          PRIMARY, URI.create("http://127.0.0.1:" + PRIMARY_PORT + "/"),
          SECONDARY, URI.create("http://127.0.0.1:" + SECONDARY_PORT + "/"))).start();
      return new DemoRegions(east, west, www);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo regions (ports " + WWW_PORT + "-" + SECONDARY_PORT + ")", e);
    }
  }

  @Override
  public void close() {
    www.close();
    secondary.close();
    primary.close();
  }
}
