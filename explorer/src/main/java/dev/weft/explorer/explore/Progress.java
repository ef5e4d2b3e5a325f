package dev.weft.explorer.explore;

import dev.weft.explorer.api.Statistics;
import java.time.Duration;
import java.util.Locale;

/** Prints a progress line to standard error at a fixed interval, when one is set. */
final class Progress {
  private final long intervalNanos;
  private final long start;
  private long next;

  Progress(Duration interval, long start) {
    this.intervalNanos = interval.toNanos();
    this.start = start;
    this.next = start + intervalNanos;
  }

  void tick(int executions, StatisticsCollector collector) {
    if (intervalNanos == 0) return;
    long now = System.nanoTime();
    if (now - next < 0) return;
    next = now + intervalNanos;
    Statistics s = collector.toStatistics(false, null);
    System.err.printf(Locale.ROOT,
        "weft: %d executions (%d pruned), %d interleaving classes, longest %d steps, %.0f s%n",
        executions, s.pruned(), s.distinctClasses(), s.maxSteps(), (now - start) / 1e9);
  }
}
