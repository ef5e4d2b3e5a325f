package dev.weft.testbench.bench;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A soak benchmark, not a test: many executions of a tiny correct program through Weft's public
 * API, in rounds of one exploration each, with the heap in use after a full collection and the
 * live threads sampled after every round. Memory and threads should stay flat, however many
 * executions ran: an execution that left a thread, a table entry or a class behind would show as a
 * rise. The program: two threads each {@code incrementAndGet} one {@code AtomicInteger}, joined,
 * and the count checked.
 *
 * <pre>
 * testbench/bench.sh soak [--executions 1000000] [--rounds 50]
 * </pre>
 *
 * It prints one row per round and, at the end, the first and last rounds' heap and threads and the
 * largest of each over the second half of the run (the first rounds warm the JIT and fill the
 * caches that are meant to stay).
 */
public final class Soak {
  static final String USAGE = "usage: Soak [--executions N] [--rounds N]";

  private Soak() {}

  /** The command line, parsed. */
  record Settings(int executions, int rounds) {
    static Settings parse(String[] args) {
      int executions = 1_000_000;
      int rounds = 50;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value");
        int value = positive(option, args[++i]);
        switch (option) {
          case "--executions" -> executions = value;
          case "--rounds" -> rounds = value;
          default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
        }
      }
      if (executions < rounds) {
        throw new IllegalArgumentException("--executions must be at least --rounds");
      }
      return new Settings(executions, rounds);
    }

    private static int positive(String option, String text) {
      try {
        int n = Integer.parseInt(text.strip());
        if (n >= 1) return n;
      } catch (NumberFormatException e) {
        // fall through to the message
      }
      throw new IllegalArgumentException(option + " takes a whole number from 1, not '" + text
          + "'");
    }
  }

  /** What one round left behind. */
  record Sample(int round, long executions, double perSecond, long heapBytes, int activeThreads,
      int jvmThreads) {}

  public static void main(String[] args) {
    Settings s;
    try {
      s = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("soak: " + e.getMessage() + "; " + USAGE);
      System.exit(2);
      return;
    }
    int perRound = s.executions() / s.rounds();
    System.out.printf("Soak: %,d executions in %d rounds of %,d, %s, %s, load %s%n",
        (long) perRound * s.rounds(), s.rounds(), perRound,
        System.getProperty("java.runtime.version"), Machine.describe(), ScaleBench.load());
    System.out.printf("%6s %12s %10s %12s %14s %12s%n", "round", "executions", "exec/s",
        "heap MiB", "activeCount", "JVM threads");
    Sample before = sample(0, 0, Double.NaN);
    print(before);
    Sample[] samples = new Sample[s.rounds()];
    long total = 0;
    for (int round = 1; round <= s.rounds(); round++) {
      ExplorationResult r = Weft.exploreInterleavings(Options.builder()
          .strategy(StrategyKind.RANDOM).iterations(perRound).seed(round)
          .timeLimit(Duration.ofHours(1)).build(), Soak::twoIncrements);
      if (r.failure().isPresent() || r.executions() != perRound) {
        System.err.println("soak: round " + round + " did not run its executions cleanly: "
            + r.summary());
        System.exit(1);
      }
      total += r.executions();
      samples[round - 1] = sample(round, total, r.executionsPerSecond());
      print(samples[round - 1]);
    }
    summarize(before, samples);
    System.out.println("load after: " + ScaleBench.load());
  }

  /** The program: two threads increment one counter; both increments must count. */
  private static void twoIncrements() throws InterruptedException {
    AtomicInteger count = new AtomicInteger();
    Thread a = new Thread(count::incrementAndGet);
    Thread b = new Thread(count::incrementAndGet);
    a.start();
    b.start();
    a.join();
    b.join();
    if (count.get() != 2) throw new AssertionError("count " + count.get());
  }

  private static Sample sample(int round, long executions, double perSecond) {
    for (int i = 0; i < 3; i++) System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Sample(round, executions, perSecond, heap, Thread.activeCount(),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  private static void print(Sample s) {
    System.out.printf(Locale.ROOT, "%6d %,12d %10s %12.1f %14d %12d%n", s.round(), s.executions(),
        Double.isNaN(s.perSecond()) ? "-" : String.format(Locale.ROOT, "%,.0f", s.perSecond()),
        s.heapBytes() / 1048576.0, s.activeThreads(), s.jvmThreads());
  }

  /** The first and last rounds, and the largest heap and thread counts of the second half. */
  private static void summarize(Sample before, Sample[] samples) {
    Sample first = samples[0];
    Sample last = samples[samples.length - 1];
    long maxHeap = 0;
    long minHeap = Long.MAX_VALUE;
    int maxThreads = 0;
    for (int i = samples.length / 2; i < samples.length; i++) {
      maxHeap = Math.max(maxHeap, samples[i].heapBytes());
      minHeap = Math.min(minHeap, samples[i].heapBytes());
      maxThreads = Math.max(maxThreads, samples[i].jvmThreads());
    }
    System.out.printf(Locale.ROOT, "heap MiB: before %.1f, after round 1 %.1f, last %.1f;"
            + " second half %.1f to %.1f%n", before.heapBytes() / 1048576.0,
        first.heapBytes() / 1048576.0, last.heapBytes() / 1048576.0, minHeap / 1048576.0,
        maxHeap / 1048576.0);
    System.out.printf("JVM threads: before %d, after round 1 %d, last %d; second half at most %d"
        + "%n", before.jvmThreads(), first.jvmThreads(), last.jvmThreads(), maxThreads);
  }
}
