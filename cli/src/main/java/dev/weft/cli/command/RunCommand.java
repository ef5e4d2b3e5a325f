package dev.weft.cli.command;

import dev.weft.cli.child.ChildMain;
import dev.weft.cli.child.RecordedJvmArgs;
import dev.weft.cli.launch.ChildJvm;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft run}: explores {@code CLASS.main(ARGS)}, or one JUnit 5 test method, in a child JVM. The options travel
 * to the child as the {@code weft.*} system properties that {@code Options.builder()} reads, so an
 * option left out keeps the explorer's documented default.
 *
 * <p>Internal: the API is the command line, documented by {@code weft run --help}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    showEndOfOptionsDelimiterInUsageHelp = true,
    description = {
      "Runs CLASS.main(ARGS) many times under Weft's scheduler, each time with fresh static"
          + " state, and stops at the first bug: a failed assert, an uncaught exception, a"
          + " deadlock.",
      "A bug's schedule is written to target/weft/CLASS.json (see --output-dir); 'weft replay'"
          + " replays it."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  weft run --classpath target/classes --main com.acme.Main",
      "  weft run --classpath app.jar --main com.acme.Main --strategy dfs",
      "  weft run --classpath app.jar --main com.acme.Main --json > result.json",
      "  weft run --classpath app.jar --main com.acme.Main --exclude com.acme.log",
      "  weft run --classpath app.jar --main com.acme.Main -- --port 0",
      "  weft run --classpath app.jar --main com.acme.Main --strategy random --parallel 4",
      "  weft run --classpath app.jar --main com.acme.Main --strategy dfs --shard 2/4",
      "  weft run --classpath target/test-classes:target/classes:$(cat cp.txt) \\",
      "      --test com.acme.BankTest#transfers",
      "  weft replay target/weft/com.acme.Main.json"
    })
public final class RunCommand implements Callable<Integer> {
  /** The system property by which the {@code weft} script says that stderr is a terminal. */
  private static final String STDERR_TERMINAL = "weft.stderrTerminal";

  private final ChildJvm child;

  @Option(names = "--classpath", required = true, paramLabel = "CP",
      description = "The program's class path: directories and jars, separated by"
          + " ':' (';' on Windows).")
  private String classpath;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Program program;

  /** What to explore: a main class or one JUnit 5 test method. */
  static final class Program {
    @Option(names = "--main", required = true, paramLabel = "CLASS",
        description = "The class whose public static void main(String[]) to explore.")
    private String mainClass;

    @Option(names = "--test", required = true, paramLabel = "CLASS#METHOD",
        converter = OptionConverters.TestMethod.class,
        description = "A JUnit 5 @Test method without parameters to explore, run through the"
            + " JUnit Platform launcher, which must be on --classpath with junit-jupiter.")
    private String testMethod;
  }

  @Option(names = "--strategy", paramLabel = "NAME",
      converter = OptionConverters.Strategy.class,
      description = "random, pct, pos, surw, dfs or portfolio (default portfolio: random, pct,"
          + " pos, surw and dfs taking turns, one execution each, until dfs has covered every"
          + " interleaving class); dfs is exhaustive, with partial-order reduction.")
  private StrategyKind strategy;

  @Option(names = "--preemption-bound", paramLabel = "K",
      converter = OptionConverters.NonNegativeInt.class,
      description = "At most K preemptions per execution, for any strategy; with dfs, bounds"
          + " 0..K are searched in turn so the first bug has the fewest preemptions.")
  private Integer preemptionBound;

  @Option(names = "--depth", paramLabel = "D", converter = OptionConverters.PositiveInt.class,
      description = "PCT bug depth: the priority changes per execution (default 3).")
  private Integer depth;

  @Option(names = "--iterations", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "Executions at most (default 1000).")
  private Integer iterations;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the search; the same seed finds the same bug (default 1).")
  private Long seed;

  @Option(names = "--time-limit", paramLabel = "DURATION",
      converter = OptionConverters.PositiveDuration.class,
      description = "Time for the whole exploration, e.g. 500ms, 60s, 2m (default 60s).")
  private Duration timeLimit;

  @Option(names = "--max-steps", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "Scheduling points per execution before it counts as a livelock"
          + " (default 20000).")
  private Integer maxSteps;

  @Option(names = "--execution-timeout", paramLabel = "DURATION",
      converter = OptionConverters.PositiveDuration.class,
      description = "Time one execution may take before a thread running code Weft does not"
          + " control counts as stuck, e.g. 30s (default 10s).")
  private Duration executionTimeout;

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Where a bug's schedule, report and graph are written (default target/weft,"
          + " relative to the working directory).")
  private Path outputDir;

  @Mixin private JvmOptions jvm;

  @Mixin private PackageFilter packages;

  @Mixin private ScaleOptions scale;

  @Option(names = "--json",
      description = "Print the result as one JSON object on standard output (verdict, executions,"
          + " rate, the failure with its schedule); the program's output and the report go to"
          + " standard error.")
  private boolean json;

  @Option(names = "--show-output",
      description = "Print the program's output of every execution and shrink run as it is"
          + " written. By default each execution's output is captured (its last 64 KB) and only"
          + " the failing execution's is printed, after its trace.")
  private boolean showOutput;

  @Option(names = "--no-spurious-wakeups",
      description = "Never let wait or park return without a notify or unpark. By default one"
          + " spurious wakeup per execution is explored, as the JVM allows them.")
  private boolean noSpuriousWakeups;

  @Option(names = "--timeouts", paramLabel = "MODEL",
      converter = OptionConverters.TimeoutModel.class,
      description = "When a timed wait may expire: anytime (default: one under 1 s at any point,"
          + " as on a loaded machine) or when-blocked (only when no other thread can run).")
  private Timeouts timeouts;

  @Option(names = "--open-jdk-structures",
      description = "Explore the overlaps inside calls on the JDK's lock-free structures"
          + " (ConcurrentLinkedDeque/Queue, ConcurrentHashMap, ConcurrentSkipListMap/Set): each"
          + " shared access inside such a call becomes a scheduling point, instead of the call being"
          + " one. Costs steps: several per call, thousands for a walk over a large map (raise"
          + " --max-steps).")
  private boolean openJdkStructures;

  @Option(names = "--no-shrink",
      description = "Report a bug's schedule as found, without shrinking it to the fewest"
          + " preemptions and steps first.")
  private boolean noShrink;

  @Option(names = "--detect-races",
      description = "Also report data races: two accesses to one plain field or array element, one"
          + " a write, that no lock, volatile, start/join or java.util.concurrent call orders."
          + " Instruments plain accesses, which costs time.")
  private boolean detectRaces;

  @Option(names = "--benign-race", paramLabel = "CLASS.FIELD",
      converter = OptionConverters.FieldName.class,
      description = "A field whose races are intended and not reported, e.g."
          + " com.acme.Stats.hits; repeatable. Needs --detect-races.")
  private List<String> benignRaces = new ArrayList<>();

  @Parameters(paramLabel = "ARGS", arity = "0..*",
      description = "Arguments for the program's main, after '--' (so that one starting with '-'"
          + " is not read as an option of weft); recorded in the schedule for 'weft replay'.")
  private List<String> programArgs = new ArrayList<>();

  @Spec private CommandSpec spec;

  public RunCommand(ChildJvm child) {
    this.child = child;
  }

  @Override
  public Integer call() {
    String badPath = ClassPathCheck.problem(classpath);
    if (badPath != null) {
      throw new ParameterException(spec.commandLine(), badPath + "; fix --classpath");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (strategy != null) properties.put("weft.strategy", strategy.cliName());
    if (depth != null) properties.put("weft.pctDepth", depth.toString());
    if (preemptionBound != null) {
      properties.put("weft.preemptionBound", preemptionBound.toString());
    }
    if (iterations != null) properties.put("weft.iterations", iterations.toString());
    if (seed != null) properties.put("weft.seed", seed.toString());
    if (timeLimit != null) properties.put("weft.timeLimit", timeLimit.toString());
    if (maxSteps != null) properties.put("weft.maxSteps", maxSteps.toString());
    if (executionTimeout != null) {
      properties.put("weft.executionTimeout", executionTimeout.toString());
    }
    if (outputDir != null) properties.put("weft.outputDir", outputDir.toString());
    if (noShrink) properties.put("weft.shrink", "false");
    if (noSpuriousWakeups) properties.put("weft.spuriousWakeups", "false");
    if (timeouts != null) properties.put("weft.timeouts", timeouts.cliName());
    if (openJdkStructures) properties.put("weft.openJdkStructures", "true");
    if (!benignRaces.isEmpty() && !detectRaces) {
      throw new ParameterException(spec.commandLine(),
          "--benign-race declares a race benign for --detect-races; add --detect-races");
    }
    // Every strategy watches plain accesses, so that the ones found racing become scheduling
    // points: the child's agent must instrument them.
    properties.put("weft.races", "true");
    if (detectRaces) {
      properties.put("weft.detectRaces", "true");
      properties.put("weft.benignRaces", String.join(",", benignRaces));
    }
    if (json) properties.put(ChildMain.JSON, "true");
    if (showOutput) properties.put(ChildMain.SHOW_OUTPUT, "true");
    // Long runs show they are alive, on stderr: a terminal gets one line redrawn each second, a
    // log a line every 5 s. Only the launcher script can tell whether stderr is a terminal.
    if (Boolean.getBoolean(STDERR_TERMINAL)) {
      properties.put("weft.progressInterval", "1s");
      properties.put("weft.progressInPlace", "true");
    } else {
      properties.put("weft.progressInterval", "5s");
    }
    List<String> jvmArgs = jvm.jvmArgs();
    // Recorded in the schedule file, which the replay command need not repeat them beside.
    if (!jvmArgs.isEmpty()) {
      properties.put(RecordedJvmArgs.PROPERTY, RecordedJvmArgs.encode(jvmArgs));
    }
    packages.addTo(properties);
    properties.put(ChildMain.REPLAY_COMMAND,
        Invocation.command("replay") + packages.asCommandLine());
    if (program.testMethod != null && !programArgs.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "ARGS are passed to main; a test method run with --test takes none");
    }
    String target = program.testMethod != null ? program.testMethod : program.mainClass;
    List<String> childArgs = new ArrayList<>(List.of(ChildMain.RUN, classpath, target));
    childArgs.addAll(programArgs);
    String[] args = childArgs.toArray(String[]::new);
    if (scale.shard == null && scale.shardResult != null) {
      throw new ParameterException(spec.commandLine(),
          "--shard-result names the result file of --shard K/N; add --shard");
    }
    if (scale.shard == null && scale.workers() == 1) return child.run(jvmArgs, properties, args);
    if (strategy == null || strategy == StrategyKind.PORTFOLIO) {
      throw new ParameterException(spec.commandLine(), (scale.shard != null ? "--shard" : "--parallel")
          + " splits one strategy's search, and the portfolio's systematic member cannot be cut"
          + " into blocks of executions; add --strategy random, pct, pos, surw or dfs");
    }
    Path output = outputDir != null ? outputDir : Options.builder().build().outputDir();
    if (scale.shard != null) {
      if (scale.workers() > 1) {
        throw new ParameterException(spec.commandLine(),
            "--shard runs one shard and --parallel N runs N shards of their own; give one of them");
      }
      properties.put(ChildMain.SHARD, scale.shard.toString());
      properties.put(ChildMain.SHARD_RESULT, (scale.shardResult != null ? scale.shardResult
          : ScaleOptions.defaultResult(output, target, scale.shard)).toString());
      return child.run(jvmArgs, properties, args);
    }
    return new ParallelRun(scale.workers(), output, target, spec.commandLine().getOut(),
        spec.commandLine().getErr()).run(jvmArgs, properties, args, json);
  }
}
