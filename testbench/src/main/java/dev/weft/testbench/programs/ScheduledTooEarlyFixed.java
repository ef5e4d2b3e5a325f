package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * {@link ScheduledTooEarly}'s twin: main sets the threshold before it schedules the report, and
 * scheduling orders what came before it before the task, whatever the delay.
 */
@Expect(bug = false)
public final class ScheduledTooEarlyFixed {
  public static void main(String[] args) throws InterruptedException, ExecutionException {
    ScheduledExecutorService timer = new ScheduledThreadPoolExecutor(1);
    ScheduledTooEarly.Settings settings = new ScheduledTooEarly.Settings();
    settings.threshold = ScheduledTooEarly.THRESHOLD;
    ScheduledTooEarly.check(timer, ScheduledTooEarly.scheduleReport(timer, settings));
  }
}
