package dev.weft.explorer.linearizability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The checker's time against history length, a benchmark and not a test: random queue histories
 * of 10 to 1,000 calls ({@link RandomHistories}, each result that of a real queue, one result in two
 * histories changed, which may break linearizability) are checked, and the median and largest times
 * and states printed per length, separately for the histories that are linearizable and those that
 * are not (the search must exhaust every state before it says no). Times are the checking thread's
 * CPU time, not wall time, so that other work on a shared machine does not count. It lives beside the checker's
 * tests to reuse their history generator and queue model; it needs no agent.
 *
 * <pre>
 * mvn -o -q test-compile -pl explorer
 * java -cp explorer/target/classes:explorer/target/test-classes \
 *     dev.weft.explorer.linearizability.CheckerScaling 3 30 1
 * </pre>
 *
 * Arguments: threads (3), histories per length (30), seed (1).
 */
public final class CheckerScaling {
  private static final int[] LENGTHS = {10, 20, 50, 100, 200, 500, 1_000};
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private CheckerScaling() {}

  /** One check: whether linearizable, its time and the states it visited. */
  private record Run(boolean linearizable, double millis, int states) {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int histories = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    if (threads < 1 || histories < 1) {
      throw new IllegalArgumentException("threads and histories must be at least 1; usage:"
          + " CheckerScaling [threads] [histories per length] [seed]");
    }
    measure(threads, histories, seed, 100, false); // warm-up: the JIT compiles the search first
    System.out.printf(Locale.ROOT, "%d threads, %d histories per length, seed %d%n", threads,
        histories, seed);
    System.out.println("| calls | linearizable | median CPU ms | max CPU ms | median states"
        + " | not linearizable | median CPU ms | max CPU ms | median states |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    measure(threads, histories, seed, LENGTHS[LENGTHS.length - 1], true);
  }

  /** Checks histories of each length up to {@code maxLength}, printing a row per length if asked. */
  private static void measure(int threads, int histories, long seed, int maxLength,
      boolean print) {
    Random random = new Random(seed);
    for (int length : LENGTHS) {
      if (length > maxLength) break;
      List<Run> yes = new ArrayList<>();
      List<Run> no = new ArrayList<>();
      for (int h = 0; h < histories; h++) {
        List<Call> calls = RandomHistories.queue(random, threads, length / threads);
        long start = CPU.getCurrentThreadCpuTime();
        Verdict v = LinearizabilityChecker.check(LinearizabilityCheckerTest.QUEUE, calls);
        Run run = new Run(v.linearizable(), (CPU.getCurrentThreadCpuTime() - start) / 1e6,
            v.statesExplored());
        (run.linearizable() ? yes : no).add(run);
      }
      if (print) {
        System.out.printf(Locale.ROOT, "| %d | %s | %s |%n", length - length % threads,
            summary(yes), summary(no));
      }
    }
  }

  /** Count, median and largest time, median states; dashes when there were none. */
  private static String summary(List<Run> runs) {
    if (runs.isEmpty()) return "0 | - | - | -";
    List<Double> millis = new ArrayList<>(runs.stream().map(Run::millis).toList());
    List<Integer> states = new ArrayList<>(runs.stream().map(Run::states).toList());
    Collections.sort(millis);
    Collections.sort(states);
    return String.format(Locale.ROOT, "%d | %.3f | %.3f | %d", runs.size(),
        millis.get(millis.size() / 2), millis.get(millis.size() - 1), states.get(states.size() / 2));
  }
}
