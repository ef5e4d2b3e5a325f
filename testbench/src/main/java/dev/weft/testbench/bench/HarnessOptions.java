package dev.weft.testbench.bench;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line, parsed and checked. Immutable.
 *
 * @param programs the programs to run, in corpus order; never empty
 * @param strategies Weft's strategies to run each program under, by {@link StrategyKind#parse}
 *     name, so that a strategy added to {@link StrategyKind} needs no change here; never empty
 * @param seeds searches per program and strategy, with seeds 1..seeds
 * @param budget executions per search at most
 * @param throughput executions of the throughput run; 0 skips it
 * @param timeLimit time limit of each search
 * @param lincheck whether to run Lincheck on the same programs too
 * @param lincheckRuns Lincheck searches per program (it takes no seed: repeats show time spread)
 * @param fray whether to run Fray on the same programs too, under each of {@code strategies} that
 *     Fray has a scheduler of the same name for
 * @param frayRuns Fray searches per program and scheduler (it takes no seed either)
 * @param out where the CSV and JSON files go
 */
record HarnessOptions(
    List<Program> programs,
    List<StrategyKind> strategies,
    int seeds,
    int budget,
    int throughput,
    Duration timeLimit,
    boolean lincheck,
    int lincheckRuns,
    boolean fray,
    int frayRuns,
    Path out) {

  static final String USAGE = "usage: Harness [--programs all|buggy|correct|NAME,...]"
      + " [--strategies random,pct,...] [--seeds N] [--budget N] [--throughput N]"
      + " [--time-limit 60s] [--lincheck] [--lincheck-runs N] [--fray] [--fray-runs N] [--out DIR]";

  /**
   * Parses the arguments. Defaults: the buggy programs, every strategy, 10 seeds, a budget of 1,000
   * executions, a throughput run as long as the budget, 60 s per search, no Lincheck, 3 Lincheck
   * runs, no Fray, 3 Fray runs, and {@code testbench/target/bench}.
   *
   * @throws IllegalArgumentException saying which argument is wrong
   */
  static HarnessOptions parse(String[] args, Path defaultOut) {
    List<Program> programs = Corpus.buggy();
    List<StrategyKind> strategies = List.of(StrategyKind.values());
    int seeds = 10;
    int budget = 1_000;
    Integer throughput = null;
    Duration timeLimit = Duration.ofSeconds(60);
    boolean lincheck = false;
    int lincheckRuns = 3;
    boolean fray = false;
    int frayRuns = 3;
    Path out = defaultOut;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--lincheck" -> lincheck = true;
        case "--fray" -> fray = true;
        case "--fray-runs" -> frayRuns = positive(value(args, ++i, arg), arg);
        case "--programs" -> programs = programs(value(args, ++i, arg));
        case "--strategies" -> strategies = strategies(value(args, ++i, arg));
        case "--seeds" -> seeds = positive(value(args, ++i, arg), arg);
        case "--budget" -> budget = positive(value(args, ++i, arg), arg);
        case "--throughput" -> throughput = atLeastZero(value(args, ++i, arg), arg);
        case "--time-limit" -> timeLimit = Options.parseDuration(value(args, ++i, arg));
        case "--lincheck-runs" -> lincheckRuns = positive(value(args, ++i, arg), arg);
        case "--out" -> out = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    if (fray && frayStrategies(strategies).isEmpty()) {
      throw new IllegalArgumentException("--fray runs Fray under the strategies it shares with Weft ("
          + String.join(", ", Fray.SCHEDULERS) + "): name one of them in --strategies");
    }
    return new HarnessOptions(programs, strategies, seeds, budget,
        throughput == null ? budget : throughput, timeLimit, lincheck, lincheckRuns, fray, frayRuns,
        out);
  }

  /** Fray's schedulers to run: those of {@code strategies} that Fray has, in their order. */
  List<String> frayStrategies() {
    return frayStrategies(strategies);
  }

  private static List<String> frayStrategies(List<StrategyKind> strategies) {
    return strategies.stream().map(StrategyKind::cliName).filter(Fray.SCHEDULERS::contains).toList();
  }

  /**
   * {@link #parse}, or null after printing to {@code err} what is wrong, with the usage, as one
   * line that begins with {@code tool}.
   */
  static HarnessOptions parseOrExplain(
      String tool, String[] args, Path defaultOut, PrintStream err) {
    try {
      return parse(args, defaultOut);
    } catch (IllegalArgumentException e) {
      err.println(tool + ": " + e.getMessage() + "; " + USAGE);
      return null;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  /**
   * Without the programs whose bug only race detection finds: Lincheck has none, and turning it on
   * (the agent's races option) would change Weft's figures for every other program. Name them to
   * run them alone, with {@code -javaagent:weft-agent.jar=races}.
   */
  private static List<Program> comparable(List<Program> programs) {
    return programs.stream().filter(p -> !p.needsRaceDetection()).toList();
  }

  private static List<Program> programs(String spec) {
    switch (spec) {
      case "all": return comparable(Corpus.programs());
      case "buggy": return comparable(Corpus.buggy());
      case "correct": return comparable(Corpus.correct());
      default: break;
    }
    Set<String> wanted = new LinkedHashSet<>(List.of(spec.split(",")));
    wanted.removeIf(String::isBlank);
    if (wanted.isEmpty()) throw new IllegalArgumentException("--programs names no program");
    Set<Program> chosen = new LinkedHashSet<>();
    for (String name : wanted) chosen.add(Corpus.named(name));
    return Corpus.programs().stream().filter(chosen::contains).toList(); // in corpus order
  }

  private static List<StrategyKind> strategies(String spec) {
    Set<StrategyKind> chosen = new LinkedHashSet<>();
    for (String name : spec.split(",")) if (!name.isBlank()) chosen.add(StrategyKind.parse(name));
    if (chosen.isEmpty()) throw new IllegalArgumentException("--strategies names no strategy");
    return List.copyOf(chosen);
  }

  private static int positive(String text, String option) {
    int n = atLeastZero(text, option);
    if (n == 0) throw new IllegalArgumentException(option + " must be at least 1");
    return n;
  }

  private static int atLeastZero(String text, String option) {
    try {
      int n = Integer.parseInt(text.replace("_", ""));
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
  }
}
