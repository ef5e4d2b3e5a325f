package dev.weft.testbench.bench;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.linearizability.Linearizability;
import dev.weft.explorer.linearizability.LinearizabilityResult;
import dev.weft.explorer.linearizability.Operation;
import dev.weft.explorer.linearizability.Scenario;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Weft's linearizability check beside Lincheck 3.7's model-checking mode, in one run: the same
 * structures ({@link BenchStructure}: stacks, one whose push and pop read, then set, the top, and
 * Treiber's; queues, Michael and Scott's and one that loses offers; or the JDK's deques), the same operations, the
 * same scenario size and the same budget of scenarios and executions per scenario. Weft runs in this JVM, which needs Weft's agent; Lincheck in a child
 * JVM without it ({@link LincheckLinearizability}). Prints a Markdown table.
 *
 * <pre>
 * testbench/bench.sh lin [--threads 2] [--ops 3] [--scenarios 10] [--invocations 200]
 *     [--strategy dfs] [--structure stack|queue|deque] [--out testbench/target/bench-lin]
 * </pre>
 *
 * <p>Measured for each tool: on the correct structure, scenarios and executions per second over
 * the whole budget; on the broken one, executions and time to the first failure (scenario
 * minimisation off on both sides), and the size of the failure each reports with minimisation on.
 */
public final class LinearizabilityBench {
  private LinearizabilityBench() {}

  record Args(int threads, int ops, int scenarios, int invocations, StrategyKind strategy,
      Path out, BenchStructure structure) {}

  public static void main(String[] argv) throws Exception {
    Args a = parse(argv);
    Files.createDirectories(a.out());
    String loadBefore = load();
    System.out.printf(Locale.ROOT, "%s: %d threads x %d operations, %d scenarios x %d"
        + " executions, Weft %s; %s; load %s%n", a.structure().cliName(), a.threads(), a.ops(),
        a.scenarios(), a.invocations(), a.strategy(), Machine.describe(), loadBefore);
    String correct = a.structure().correct;
    String broken = a.structure().broken;

    Weft w = weft(a);
    Properties l = lincheck(a);
    String loadAfter = load();

    System.out.println();
    System.out.println("| | Weft (" + a.strategy().name().toLowerCase(Locale.ROOT)
        + ") | Lincheck 3.7 (model checking) | Weft / Lincheck |");
    System.out.println("|---|---|---|---|");
    long lInv = Long.parseLong(l.getProperty("treiber.invocations"));
    double lSec = Long.parseLong(l.getProperty("treiber.nanos")) / 1e9;
    double wSec = w.treiberNanos / 1e9;
    row(correct + ": failures over the budget", w.treiberFailed ? "a failure" : "none",
        Boolean.parseBoolean(l.getProperty("treiber.failed")) ? "a failure" : "none", "");
    row(correct + ": executions (invocations) / s",
        fmt(w.treiberExecutions / wSec) + " (" + w.treiberExecutions + " in " + fmt(wSec) + " s)",
        fmt(lInv / lSec) + " (" + lInv + " in " + fmt(lSec) + " s)",
        fmt((w.treiberExecutions / wSec) / (lInv / lSec)));
    row(correct + ": scenarios / s", fmt(a.scenarios() / wSec) + " (" + w.treiberExhausted
        + " of " + a.scenarios() + " searched exhaustively before the budget)",
        fmt(a.scenarios() / lSec), fmt(lSec / wSec));
    boolean lFound = Boolean.parseBoolean(l.getProperty("buggy.failed"));
    long lBugInv = Long.parseLong(l.getProperty("buggy.invocations"));
    double lBugMs = Long.parseLong(l.getProperty("buggy.nanos")) / 1e6;
    row(broken + ": found", w.buggyFound ? "yes, scenario " + w.buggyScenarios : "no",
        lFound ? "yes" : "no", "");
    row(broken + ": executions to the first failure",
        w.buggyExecutions + " (over " + w.buggyScenarios + " scenarios)",
        lBugInv + " (instances made, with the replay for the trace)",
        fmt((double) w.buggyExecutions / lBugInv));
    row(broken + ": ms to the first failure, report included", fmt(w.buggyNanos / 1e6),
        fmt(lBugMs), fmt((w.buggyNanos / 1e6) / lBugMs));
    row(broken + ": failure reported unminimised", w.buggyScenario,
        size(l.getProperty("buggy.report", "")), "");
    boolean lMin = Boolean.parseBoolean(l.getProperty("minimised.failed"));
    row(broken + ": failure reported, minimised", w.minimisedScenario,
        lMin ? size(l.getProperty("minimised.report", "")) : "no failure", "");
    double lMinMs = Long.parseLong(l.getProperty("minimised.nanos")) / 1e6;
    row(broken + ": ms to the minimised failure", fmt(w.minimisedNanos / 1e6), fmt(lMinMs),
        fmt((w.minimisedNanos / 1e6) / lMinMs));
    System.out.println();
    System.out.println("load average before " + loadBefore + ", after " + loadAfter);
    System.out.println("Lincheck's reports: " + a.out().resolve("lincheck.properties"));
  }

  /** What Weft did. */
  static final class Weft {
    boolean treiberFailed;
    long treiberExecutions;
    long treiberNanos;
    int treiberExhausted;
    boolean buggyFound;
    int buggyScenarios;
    long buggyExecutions;
    long buggyNanos;
    String buggyScenario = "";
    String minimisedScenario = "";
    long minimisedNanos;
  }

  static Linearizability<BenchStacks.Stack, BenchStacks.Sequential> check(
      Supplier<BenchStacks.Stack> stack, Args a) {
    return Linearizability.<BenchStacks.Stack, BenchStacks.Sequential>of(stack,
            BenchStacks.Sequential::new, BenchStacks.Sequential::copy,
            BenchStacks.Sequential::state)
        .operations(
            Operation.of("push", List.of(1, 2), (s, v) -> {
              s.push(v);
              return null;
            }),
            Operation.of("pop", BenchStacks.Stack::pop))
        .threads(a.threads()).operationsPerThread(a.ops());
  }

  static Options options(Args a, String name, boolean shrink) {
    return Options.builder().strategy(a.strategy()).iterations(a.invocations()).testName(name)
        .shrink(shrink).build();
  }

  static Weft weft(Args a) {
    // Warm-up: the agent's transformations and the JIT, on both stacks.
    for (int s = 1; s <= 2; s++) {
      Args small = new Args(a.threads(), a.ops(), 1, 50, a.strategy(), a.out(), a.structure());
      for (boolean broken : new boolean[] {false, true}) {
        a.structure().check(broken, small).scenarios(1).seed(s).minimisationRuns(0)
            .check(options(small, "lin-warm-up", false));
      }
    }
    Weft w = new Weft();
    // (b) the correct structure over the whole budget: scenario i drawn from seed i.
    long start = System.nanoTime();
    for (int i = 1; i <= a.scenarios(); i++) {
      LinearizabilityResult r = a.structure().check(false, a).scenarios(1).seed(i)
          .minimisationRuns(0).check(options(a, "lin-correct", false));
      w.treiberExecutions += r.lastExploration().executions();
      w.treiberFailed |= r.failure().isPresent();
      if (r.lastExploration().stopReason() == ExplorationResult.StopReason.EXHAUSTED) {
        w.treiberExhausted++;
      }
    }
    w.treiberNanos = System.nanoTime() - start;
    // (a) the broken structure, to the first failure, neither scenario nor schedule minimised.
    start = System.nanoTime();
    for (int i = 1; i <= a.scenarios() && !w.buggyFound; i++) {
      LinearizabilityResult r = a.structure().check(true, a).scenarios(1).seed(i)
          .minimisationRuns(0).check(options(a, "lin-broken", false));
      w.buggyExecutions += r.lastExploration().executions();
      w.buggyScenarios = i;
      if (r.failure().isPresent()) {
        w.buggyFound = true;
        w.buggyScenario = size(r.failingScenario());
      }
    }
    w.buggyNanos = System.nanoTime() - start;
    // The same with Weft's defaults: the scenario minimised and the schedule shrunk.
    start = System.nanoTime();
    LinearizabilityResult m = a.structure().check(true, a).scenarios(a.scenarios())
        .seed(1).check(options(a, "lin-broken-minimised", true));
    w.minimisedNanos = System.nanoTime() - start;
    w.minimisedScenario = m.failingScenario() == null ? "no failure" : size(m.failingScenario());
    return w;
  }

  static String size(Scenario s) {
    List<String> perThread = new ArrayList<>();
    for (List<Scenario.Invocation> t : s.threads()) perThread.add(Integer.toString(t.size()));
    return s.threads().size() + " threads, " + s.calls() + " operations (" + String.join("+",
        perThread) + "): " + s;
  }

  /**
   * The size of the scenario in Lincheck's first table: its threads and, per part (before,
   * parallel, after when the scenario has them), the operations.
   */
  static String size(String report) {
    List<String> lines = report.strip().lines().toList();
    int threads = 0;
    List<Integer> parts = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    int inPart = 0;
    boolean header = false;
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.isBlank()) break;
      if (line.startsWith("| -")) {
        if (header && inPart > 0) parts.add(inPart);
        inPart = 0;
        continue;
      }
      String[] cells = line.substring(1).split("\\|");
      if (line.contains("Thread")) {
        threads = cells.length;
        header = true;
        continue;
      }
      for (String c : cells) {
        if (c.contains("(")) {
          inPart++;
          calls.add(c.strip().replaceAll("\\s*\\[[0-9,]*\\]$", ""));
        }
      }
    }
    int total = parts.stream().mapToInt(Integer::intValue).sum();
    String shape = parts.size() == 3 ? parts.get(0) + " before, " + parts.get(1) + " parallel, "
        + parts.get(2) + " after" : parts.size() == 1 ? "all parallel" : parts + " per part";
    return threads + " threads, " + total + " operations (" + shape + "): "
        + String.join(", ", calls);
  }

  static Properties lincheck(Args a) throws IOException, InterruptedException {
    return lincheck(a, false);
  }

  /** Runs {@link LincheckLinearizability} in a child JVM and reads its result. */
  static Properties lincheck(Args a, boolean buggyOnly) throws IOException, InterruptedException {
    Path result = a.out().resolve("lincheck.properties");
    Path log = a.out().resolve("lincheck.log");
    Path tmp = Files.createDirectories(a.out().resolve("tmp"));
    Files.deleteIfExists(result);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-ea", "-Xshare:off", "-Djava.io.tmpdir=" + tmp, "-cp", classPath(),
        LincheckLinearizability.class.getName(), Integer.toString(a.threads()),
        Integer.toString(a.ops()), Integer.toString(a.scenarios()),
        Integer.toString(a.invocations()), result.toString(), buggyOnly ? "buggy-only" : "all",
        a.structure().name());
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!child.waitFor(30, TimeUnit.MINUTES)) {
      child.destroyForcibly().waitFor();
      throw new IllegalStateException("Lincheck did not finish in 30 minutes; log: " + log);
    }
    if (!Files.exists(result)) {
      throw new IllegalStateException("Lincheck exited with " + child.exitValue()
          + " and no result; log: " + log);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(result)) {
      p.load(r);
    }
    return p;
  }

  /** testbench/target/classes, bench.classpath and lincheck.classpath beside it. */
  static String classPath() throws IOException {
    Path classes;
    try {
      classes = Path.of(LinearizabilityBench.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> parts = new ArrayList<>(List.of(classes.toString()));
    for (String name : List.of("bench.classpath", "lincheck.classpath")) {
      parts.add(Files.readString(classes.getParent().resolve(name)).strip());
    }
    return String.join(File.pathSeparator, parts);
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void row(String what, String weft, String lincheck, String ratio) {
    System.out.println("| " + what + " | " + weft + " | " + lincheck + " | " + ratio + " |");
  }

  static String fmt(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? "n/a"
        : d >= 100 ? String.format(Locale.ROOT, "%,.0f", d)
        : String.format(Locale.ROOT, "%.2f", d);
  }

  static Args parse(String[] argv) {
    int threads = 2;
    int ops = 3;
    int scenarios = 10;
    int invocations = 200;
    StrategyKind strategy = StrategyKind.DFS;
    Path out = Path.of("testbench/target/bench-lin");
    BenchStructure structure = BenchStructure.STACK;
    for (int i = 0; i < argv.length; i++) {
      String v = i + 1 < argv.length ? argv[i + 1] : null;
      if (v == null) throw new IllegalArgumentException(argv[i] + " needs a value");
      switch (argv[i]) {
        case "--threads" -> threads = Integer.parseInt(v);
        case "--ops" -> ops = Integer.parseInt(v);
        case "--scenarios" -> scenarios = Integer.parseInt(v);
        case "--invocations" -> invocations = Integer.parseInt(v);
        case "--strategy" -> strategy = StrategyKind.parse(v);
        case "--out" -> out = Path.of(v);
        case "--structure" -> structure = BenchStructure.parse(v);
        default -> throw new IllegalArgumentException("unknown argument " + argv[i]
            + "; usage: [--threads 2] [--ops 3] [--scenarios 10] [--invocations 200]"
            + " [--strategy dfs] [--structure stack|queue|deque] [--out DIR]");
      }
      i++;
    }
    return new Args(threads, ops, scenarios, invocations, strategy, out, structure);
  }
}
