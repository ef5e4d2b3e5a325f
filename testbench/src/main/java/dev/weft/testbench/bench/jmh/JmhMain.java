package dev.weft.testbench.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Weft's per-operation microbenchmarks: {@link HookBench} in a plain JVM and under Weft's
 * agent, {@link SchedulingBench} under the agent, then prints the costs side by side. Never run by
 * the build's tests.
 *
 * <pre>
 * java -cp "testbench/target/classes:$(cat testbench/target/bench.classpath)" \
 *     dev.weft.testbench.bench.jmh.JmhMain --agent agent/target/weft-agent.jar [--quick]
 * </pre>
 *
 * JMH's JSON results go to {@code jmh-plain.json} and {@code jmh-agent.json} under {@code --out}
 * (default {@code testbench/target/bench}). {@code --quick} shortens every measurement, for a check
 * that it all runs, not for figures.
 */
public final class JmhMain {
  // JMH's classes, and the ones it generates for the benchmarks, stay uninstrumented, so that the
  // measuring loop is the same with and without the agent.
  private static final String AGENT_OPTIONS =
      "=exclude=org.openjdk.jmh,dev.weft.testbench.bench.jmh.jmh_generated";
  private static final String USAGE = "usage: JmhMain --agent PATH/weft-agent.jar [--quick] [--out DIR]";

  private JmhMain() {}

  public static void main(String[] args) throws Exception {
    String agent = null;
    boolean quick = false;
    Path out = Path.of("testbench", "target", "bench");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--agent" -> agent = i + 1 < args.length ? args[++i] : null;
        case "--quick" -> quick = true;
        case "--out" -> out = i + 1 < args.length ? Path.of(args[++i]) : null;
        default -> out = null;
      }
    }
    if (agent == null || out == null || !Files.isRegularFile(Path.of(agent))) {
      System.err.println("jmh: " + (agent == null ? "no --agent" : "bad arguments or no agent jar at "
          + agent) + "; " + USAGE);
      System.exit(2);
    }
    Files.createDirectories(out);
    String agentArg = "-javaagent:" + Path.of(agent).toAbsolutePath() + AGENT_OPTIONS;
    Map<String, Double> plain = run(options(quick, out.resolve("jmh-plain.json"))
        .include(HookBench.class.getName() + "\\.").jvmArgs("-Xshare:off"));
    Map<String, Double> agentRun = run(options(quick, out.resolve("jmh-agent.json"))
        .include(HookBench.class.getName() + "\\.")
        .include(SchedulingBench.class.getName() + "\\.")
        .jvmArgs("-Xshare:off", agentArg));
    print(plain, agentRun);
  }

  private static ChainedOptionsBuilder options(boolean quick, Path result) {
    TimeValue time = quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1);
    return new OptionsBuilder().forks(1).warmupIterations(quick ? 1 : 3).warmupTime(time)
        .measurementIterations(quick ? 2 : 5).measurementTime(time)
        .result(result.toString()).resultFormat(ResultFormatType.JSON);
  }

  /** Scores by benchmark method name, in ns per operation. */
  private static Map<String, Double> run(ChainedOptionsBuilder options) throws RunnerException {
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Double> scores = new HashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      scores.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    return scores;
  }

  private static void print(Map<String, Double> plain, Map<String, Double> agent) {
    double empty = agent.getOrDefault("emptyExecution", Double.NaN);
    String format = "%-48s %12s %12s %10s%n";
    System.out.printf("%nPer operation, ns (derived from the scores above)%n");
    System.out.printf(format, "operation", "plain", "under agent", "agent/plain");
    for (String[] op : new String[][] {
        {"volatileRead", "volatile read, no exploration"},
        {"monitorEnterExit", "monitor enter+exit, no exploration"},
        {"computeWorkload", "compute workload (64 objects in a HashMap), no exploration"},
        {"baseline", "JMH loop alone"}}) {
      double p = plain.getOrDefault(op[0], Double.NaN);
      double a = agent.getOrDefault(op[0], Double.NaN);
      System.out.printf(Locale.ROOT, format, op[1], ns(p), ns(a), ratio(a / p));
    }
    double point = agent.getOrDefault("pointWithoutSwitch", Double.NaN)
        - empty / SchedulingBench.POINTS;
    double switched = agent.getOrDefault("contextSwitch", Double.NaN)
        - empty / SchedulingBench.SWITCHES;
    System.out.printf(Locale.ROOT, format, "scheduling point, one thread enabled", "-", ns(point), "");
    System.out.printf(Locale.ROOT, format, "scheduling point with a context switch", "-",
        ns(switched), "");
    System.out.printf(Locale.ROOT, format, "empty execution (start and end one thread)", "-",
        ns(empty), "");
  }

  private static String ns(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.1f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
