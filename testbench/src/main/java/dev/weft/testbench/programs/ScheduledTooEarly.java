package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A delay taken for synchronization: main schedules a report on a {@link
 * ScheduledThreadPoolExecutor} to run in fifty milliseconds, and only then sets the threshold the
 * report reads, trusting the delay to cover it. A delay orders nothing: a main thread held up long
 * enough (a pause, a loaded machine) lets the report read the threshold before it is set. Weft's
 * virtual clock lets a delay this short pass at any moment, without waiting for it; delays of a
 * second or more it lets pass only when no other thread can run (docs/concurrency.md).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class ScheduledTooEarly {
  static final int THRESHOLD = 10;

  static final class Settings {
    volatile int threshold;
  }

  /** Schedules the report that reads {@code settings}, in fifty milliseconds. */
  static ScheduledFuture<Integer> scheduleReport(
      ScheduledExecutorService timer, Settings settings) {
    return timer.schedule(() -> settings.threshold, 50, TimeUnit.MILLISECONDS);
  }

  static void check(ScheduledExecutorService timer, ScheduledFuture<Integer> report)
      throws InterruptedException, ExecutionException {
    int seen = report.get();
    assert seen == THRESHOLD : "the report read threshold " + seen;
    Pools.shutDown(timer);
  }

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    ScheduledExecutorService timer = new ScheduledThreadPoolExecutor(1);
    Settings settings = new Settings();
    ScheduledFuture<Integer> report = scheduleReport(timer, settings);
    settings.threshold = THRESHOLD; // too late: the delay does not order this before the report
    check(timer, report);
  }
}
