package dev.weft.explorer.explore;

import dev.weft.explorer.api.Statistics;
import dev.weft.explorer.report.Counts;
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
    System.err.printf(Locale.ROOT, "weft: %s (%d pruned), %s, longest %s, %.0f s%n",
        Counts.of(executions, "execution", "executions"), s.pruned(),
        Counts.of(s.distinctClasses(), "interleaving class", "interleaving classes"),
        Counts.of(s.maxSteps(), "step", "steps"), (now - start) / 1e9);
  }
}
