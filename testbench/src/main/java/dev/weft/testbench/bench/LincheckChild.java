package dev.weft.testbench.bench;

import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;

/**
 * The Lincheck side of the harness: runs one corpus program's {@code main} under {@code
 * Lincheck.runConcurrentTest} in a JVM of its own, without Weft's agent, and writes what happened
 * to a properties file that {@link LincheckSide} reads.
 *
 * <pre>
 * LincheckChild PROGRAM BUDGET THROUGHPUT RUNS TIME_LIMIT_SECONDS RESULT_FILE
 * </pre>
 *
 * <p>The verdict is Weft's: an invocation fails when a throwable escapes {@code main} or any thread
 * it started, or when it hangs. Lincheck alone fails only on what escapes the block; the default
 * uncaught-exception handler installed here adds the threads' exceptions.
 */
public final class LincheckChild {
  // Lincheck restores, after every invocation, the static state its instrumented code changed, and
  // makes time deterministic inside an invocation. These buffers are java.lang classes, which it
  // neither instruments nor restores, so they survive invocations and add no scheduling point.
  // One mark per event: S started, P passed, F failed, A aborted by Lincheck (a hang, say).
  private static final StringBuffer LOG = new StringBuffer();
  private static final StringBuffer UNCAUGHT = new StringBuffer();
  private static final InvocationClock CLOCK = InvocationClock.watch(LOG);
  private static final int WARM_UP_INVOCATIONS = 200;

  private LincheckChild() {}

  public static void main(String[] args) throws Exception {
    Program program = Corpus.named(args[0]);
    int budget = Integer.parseInt(args[1]);
    int throughput = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    long timeLimitNanos = Long.parseLong(args[4]) * 1_000_000_000L;
    Path resultFile = Path.of(args[5]);
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> UNCAUGHT.append(thread.getName()).append(": ").append(e).append('\n'));
    Properties result = new Properties();
    try {
      run(DirectCall.toMain(program.type()), budget, throughput, runs, timeLimitNanos, result);
    } catch (Throwable e) {
      result.setProperty("error", firstLine(e));
    }
    try (Writer w = Files.newBufferedWriter(resultFile)) {
      result.store(w, "Lincheck on " + program.name());
    }
    System.exit(0); // threads of a hung invocation may still be alive
  }

  private static void run(Runnable main, int budget, int throughput, int runs,
      long timeLimitNanos, Properties result) {
    invoke(Math.min(budget, WARM_UP_INVOCATIONS), main, false); // attaches Lincheck, warms the JIT
    PeakMemory.reset();
    List<String> executions = new ArrayList<>();
    List<String> millis = new ArrayList<>();
    String kind = "";
    int exhausted = 0;
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      Throwable failure = invoke(budget, main, true);
      double elapsedMillis = (System.nanoTime() - start) / 1e6;
      if (failure instanceof LincheckAssertionError) {
        executions.add(Integer.toString(firstFailure()));
        millis.add(Double.toString(elapsedMillis));
        if (kind.isEmpty()) {
          kind = kind(failure.getMessage());
          result.setProperty("message", firstLine(failure));
        }
      } else if (failure != null) {
        throw new IllegalStateException(firstLine(failure), failure);
      } else if (started() < budget) {
        exhausted = started();
      }
    }
    result.setProperty("runs", Integer.toString(runs));
    result.setProperty("found", Integer.toString(executions.size()));
    result.setProperty("kind", kind);
    result.setProperty("executionsToBug", String.join(",", executions));
    result.setProperty("millisToBug", String.join(",", millis));
    if (exhausted > 0) result.setProperty("exhaustedAfter", Integer.toString(exhausted));

    // Throughput: the program's failures are swallowed so that the search goes on, and calls
    // repeat while Lincheck runs out of interleavings before the target. A hang still stops a call.
    long invocations = 0;
    long invocationNanos = 0;
    int calls = 0;
    boolean hung = false;
    long start = System.nanoTime();
    while (invocations < throughput && !hung && System.nanoTime() - start < timeLimitNanos) {
      hung = invoke((int) (throughput - invocations), main, false) != null;
      invocationNanos += CLOCK.windowNanos();
      invocations += started();
      calls++;
    }
    result.setProperty("throughputExecutions", Long.toString(invocations));
    result.setProperty("throughputSeconds", Double.toString(invocationNanos / 1e9));
    result.setProperty("throughputCallSeconds", Double.toString((System.nanoTime() - start) / 1e9));
    result.setProperty("throughputCalls", Integer.toString(calls));
    if (hung) result.setProperty("throughputStoppedAtHang", "true");
    result.setProperty("heapMib", Double.toString(PeakMemory.heapMib()));
    result.setProperty("rssMib", Double.toString(PeakMemory.rssMib()));
  }

  /** One {@code runConcurrentTest}; returns what it threw, or null. */
  private static Throwable invoke(int invocations, Runnable main, boolean stopAtBug) {
    LOG.setLength(0);
    CLOCK.reset();
    try {
      Lincheck.runConcurrentTest(invocations, block(main, stopAtBug));
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  private static Runnable block(Runnable main, boolean stopAtBug) {
    return () -> {
      LOG.append('S');
      UNCAUGHT.setLength(0);
      try {
        main.run();
      } catch (Throwable e) {
        if (fromLincheck(e)) {
          LOG.append('A');
          throw e;
        }
        LOG.append('F');
        if (stopAtBug) throw e;
        return;
      }
      if (UNCAUGHT.length() > 0) {
        LOG.append('F');
        if (stopAtBug) throw new AssertionError("uncaught in a thread: " + UNCAUGHT);
        return;
      }
      LOG.append('P');
    };
  }

  private static boolean fromLincheck(Throwable e) {
    String name = e.getClass().getName();
    return name.startsWith("org.jetbrains.") || name.startsWith("sun.nio.ch.lincheck.");
  }

  private static int started() {
    return (int) LOG.chars().filter(c -> c == 'S').count();
  }

  /**
   * The 1-based index of the first invocation that did not pass. After it, Lincheck replays the
   * failing interleaving to build its trace; those invocations are not counted.
   */
  private static int firstFailure() {
    String log = LOG.toString();
    int invocation = 0;
    for (int i = 0; i < log.length(); i++) {
      if (log.charAt(i) != 'S') continue;
      invocation++;
      if (i + 1 >= log.length() || log.charAt(i + 1) != 'P') return invocation;
    }
    return invocation;
  }

  /** From the header of Lincheck's report only: the trace below it names the program's classes. */
  private static String kind(String message) {
    String header = String.valueOf(message).strip().lines().findFirst().orElse("")
        .toLowerCase(Locale.ROOT);
    if (header.contains("deadlock")) return "deadlock";
    if (header.contains("hung") || header.contains("livelock")) return "hang";
    return "exception";
  }

  /** "Concurrent test failed: java.lang.AssertionError: ..." from Lincheck's report. */
  private static String firstLine(Throwable e) {
    List<String> lines = String.valueOf(e.getMessage()).strip().lines()
        .map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) return e.getClass().getName();
    String first = lines.get(0);
    if (first.startsWith("=") && first.endsWith("=")) {
      String header = first.replace("=", "").strip();
      return lines.size() > 1 && !lines.get(1).startsWith("The following")
          ? header + ": " + lines.get(1) : header;
    }
    return e.getClass().getSimpleName() + ": " + first;
  }
}
