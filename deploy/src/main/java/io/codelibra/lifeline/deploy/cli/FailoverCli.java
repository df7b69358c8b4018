package io.codelibra.lifeline.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ./lifeline failover <command>}: reads the command line, sends it to failover-service's operator API and says
 * what came back. Returns an {@link ExitCode} rather than exiting, so only the launcher ends the JVM.
 */
public final class FailoverCli {

  static final String DEFAULT_URL = "http://localhost:8084";

  static final String USAGE = """
      usage: ./lifeline failover status
             ./lifeline failover request [--reason TEXT] [--dry-run]
             ./lifeline failover failback [--reason TEXT]
             ./lifeline failover approve [--reason TEXT]
             ./lifeline failover drill [--dry-run] [--no-rollback] [--reason TEXT] [--timeout SECONDS]
             ./lifeline failover check <drillId> --phase pre|during|post --item TEXT --outcome succeeded|failed|skipped [--detail TEXT]
        writes take --as WHO (default $LIFELINE_OPERATOR, else $USER@host) and the key $LIFELINE_API_KEY (else the local stack's)
        service: $LIFELINE_FAILOVER_URL (default http://localhost:8084)
        exit: 0 done, 1 refused or drill not succeeded, 2 usage, 3 service unreachable""";

  private static final Set<String> WRITE_OPTIONS = Set.of("reason", "as");
  private static final Set<String> PHASES = Set.of("pre", "during", "post");
  private static final Set<String> OUTCOMES = Set.of("succeeded", "failed", "skipped");
  private static final Duration DEFAULT_DRILL_TIMEOUT = Duration.ofSeconds(600);

  private final Map<String, String> environment;
  private final Supplier<String> localStackApiKey;
  private final PrintStream out;
  private final InstantSource clock;
  private final Pause pause;
  private final Duration pollInterval;

  /**
   * @param localStackApiKey the local stack's key, asked for only when a write is sent without {@code LIFELINE_API_KEY}
   * @param pollInterval how long to wait between two polls of a running drill
   */
  public FailoverCli(Map<String, String> environment, Supplier<String> localStackApiKey, PrintStream out,
      InstantSource clock, Pause pause, Duration pollInterval) {
    this.environment = Map.copyOf(environment);
    this.localStackApiKey = localStackApiKey;
    this.out = out;
    this.clock = clock;
    this.pause = pause;
    this.pollInterval = pollInterval;
  }

  /** The launcher's: this process's environment and clock, a second between polls. */
  public static FailoverCli onThisMachine(Supplier<String> localStackApiKey, PrintStream out) {
    return new FailoverCli(System.getenv(), localStackApiKey, out, InstantSource.system(), Thread::sleep,
        Duration.ofSeconds(1));
  }

  /** Runs {@code args} (what follows {@code failover}) and returns the exit code. */
  public int run(List<String> args) {
    try {
      if (args.isEmpty()) {
        throw new UsageException("which failover command?");
      }
      List<String> rest = args.subList(1, args.size());
      return switch (args.get(0)) {
        case "status" -> status(CliArguments.parse(rest, Set.of(), Set.of()));
        case "request" -> request(PairAction.FAILOVER, CliArguments.parse(rest, Set.of("dry-run"), WRITE_OPTIONS));
        case "failback" -> request(PairAction.FAILBACK, CliArguments.parse(rest, Set.of(), WRITE_OPTIONS));
        case "approve" -> request(PairAction.APPROVE_FAILBACK, CliArguments.parse(rest, Set.of(), WRITE_OPTIONS));
        case "drill" -> drill(CliArguments.parse(rest, Set.of("dry-run", "no-rollback"), Set.of("reason", "as", "timeout")));
        case "check" -> check(CliArguments.parse(rest, Set.of(), Set.of("phase", "item", "outcome", "detail", "as")));
        case "help", "--help", "-h" -> {
          out.println(USAGE);
          yield ExitCode.OK;
        }
        default -> throw new UsageException("unknown failover command: " + args.get(0));
      };
    } catch (UsageException wrong) {
      out.println(wrong.getMessage());
      out.println(USAGE);
      return ExitCode.USAGE;
    } catch (FailoverServiceUnreachableException unreachable) {
      out.println(unreachable.getMessage());
      out.println("is the stack up (./lifeline status)? The URL is LIFELINE_FAILOVER_URL, default " + DEFAULT_URL);
      return ExitCode.UNREACHABLE;
    } finally {
      out.flush();
    }
  }

  private int status(CliArguments arguments) throws UsageException, FailoverServiceUnreachableException {
    expectPositional(arguments, 0);
    ApiAnswer answer = api(arguments).regionPair();
    if (!answer.successful()) {
      return refused("reading the region pair", answer);
    }
    new RegionPairPrinter(out).print(answer.body());
    return ExitCode.OK;
  }

  private int request(PairAction action, CliArguments arguments) throws UsageException, FailoverServiceUnreachableException {
    expectPositional(arguments, 0);
    boolean dryRun = arguments.flag("dry-run");
    FailoverApiClient api = api(arguments);
    ApiAnswer answer = api.request(action, arguments.option("reason").orElse(null), dryRun);
    String what = (dryRun ? "dry-run " : "") + action.label();
    if (!answer.successful()) {
      return refused(what, answer);
    }
    String epoch = answer.text("epoch").orElse("-");
    if ("pending".equals(answer.text("status").orElse(""))) {
      out.printf("%s pending (epoch %s): the pair's writer has not decided yet; its decision will be at %s%s%n", what, epoch,
          api.baseUrl(), answer.text("decision").orElse("/api/v1/region-pair/decisions/" + answer.text("request_id").orElse("?")));
      return ExitCode.OK;
    }
    out.printf("%s accepted (epoch %s%s)%s%n", what, epoch,
        answer.text("failover_id").map(id -> ", failover " + id).orElse(""),
        answer.text("detail").map(detail -> ": " + detail).orElse(""));
    return ExitCode.OK;
  }

  private int drill(CliArguments arguments) throws UsageException, FailoverServiceUnreachableException {
    expectPositional(arguments, 0);
    Duration timeout = arguments.option("timeout").isPresent()
        ? Duration.ofSeconds(positiveNumber("--timeout", arguments.option("timeout").get()))
        : DEFAULT_DRILL_TIMEOUT;
    boolean rollback = !arguments.flag("no-rollback");
    FailoverApiClient api = api(arguments);
    ApiAnswer answer = api.startDrill(arguments.flag("dry-run"), rollback, arguments.option("reason").orElse(null));
    if (!answer.successful()) {
      return refused("drill", answer);
    }
    JsonNode drill = answer.body();
    if (!drill.hasNonNull("drillId") && answer.location() != null && drill instanceof ObjectNode view) {
      view.put("drillId", answer.location().substring(answer.location().lastIndexOf('/') + 1));
    }
    DrillProgressPrinter printer = new DrillProgressPrinter(out);
    printer.printStarted(drill, rollback);
    return new DrillFollower(api, printer, out, clock, pause, pollInterval).follow(drill, timeout);
  }

  private int check(CliArguments arguments) throws UsageException, FailoverServiceUnreachableException {
    expectPositional(arguments, 1);
    String drillId = arguments.positional().get(0);
    String phase = oneOf("--phase", arguments.required("phase"), PHASES);
    String item = arguments.required("item");
    String outcome = oneOf("--outcome", arguments.required("outcome"), OUTCOMES);
    ApiAnswer answer = api(arguments).recordChecklistItem(drillId, phase, item, outcome,
        arguments.option("detail").orElse(null));
    if (!answer.successful()) {
      return refused("checklist item", answer);
    }
    out.printf("recorded on drill %s: [%s] %s: %s%n", drillId, phase, item, outcome);
    return ExitCode.OK;
  }

  private int refused(String what, ApiAnswer answer) {
    out.printf("%s refused (HTTP %d): %s%n", what, answer.status(), answer.problem());
    if (answer.status() == 401) {
      out.println("the key sent was " + (!environment.getOrDefault("LIFELINE_API_KEY", "").isBlank()
          ? "$LIFELINE_API_KEY" : "the local stack's (set LIFELINE_API_KEY for another stack)"));
    }
    return ExitCode.REFUSED;
  }

  private FailoverApiClient api(CliArguments arguments) throws UsageException {
    String configured = environment.getOrDefault("LIFELINE_FAILOVER_URL", "");
    String url = configured.isBlank() ? DEFAULT_URL : configured.strip();
    URI baseUrl;
    try {
      baseUrl = URI.create(url);
    } catch (IllegalArgumentException notAUrl) {
      throw new UsageException("LIFELINE_FAILOVER_URL is not a URL: " + url);
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new UsageException("LIFELINE_FAILOVER_URL must be an http(s) URL: " + url);
    }
    String as = arguments.option("as").orElse(null);
    return new FailoverApiClient(baseUrl, () -> OperatorCredentials.resolve(as, environment, localStackApiKey));
  }

  private static void expectPositional(CliArguments arguments, int count) throws UsageException {
    if (arguments.positional().size() != count) {
      throw new UsageException(count == 0
          ? "unexpected argument: " + arguments.positional().get(0)
          : "expected " + count + " argument(s), got " + arguments.positional());
    }
  }

  private static String oneOf(String option, String value, Set<String> allowed) throws UsageException {
    if (!allowed.contains(value)) {
      throw new UsageException(option + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ": " + value);
    }
    return value;
  }

  private static long positiveNumber(String option, String value) throws UsageException {
    try {
      long number = Long.parseLong(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, like zero or a negative number
    }
    throw new UsageException(option + " must be a positive whole number of seconds: " + value);
  }
}
