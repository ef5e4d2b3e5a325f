package dev.weft.explorer.explore;

import dev.weft.explorer.api.Statistics;
import dev.weft.explorer.report.Counts;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a progress line to standard error at a fixed interval, when one is set: each a line of its
 * own, or one line redrawn in place on a terminal and erased at the end, where the result follows.
 */
final class Progress {
  /** Back to the line's start, and clear what is left of it: ANSI, as every terminal reads it. */
  private static final String REDRAW = "\r\u001b[K";

  private final long intervalNanos;
  private final boolean inPlace;
  private final long start;
  private long next;
  private boolean drawn;

  Progress(Duration interval, boolean inPlace, long start) {
    this.intervalNanos = interval.toNanos();
    this.inPlace = inPlace;
    this.start = start;
    this.next = start + intervalNanos;
  }

  void tick(int executions, StatisticsCollector collector) {
    if (intervalNanos == 0) return;
    long now = System.nanoTime();
    if (now - next < 0) return;
    next = now + intervalNanos;
    Statistics s = collector.toStatistics(false, null);
    double seconds = (now - start) / 1e9;
    String line = String.format(Locale.ROOT,
        "weft: %s (%.0f/s), %s, %d pruned, longest %s, %.0f s",
        Counts.of(executions, "execution", "executions"), executions / seconds,
        Counts.of(s.distinctClasses(), "interleaving class", "interleaving classes"), s.pruned(),
        Counts.of(s.maxSteps(), "step", "steps"), seconds);
    if (inPlace) {
      System.err.print(REDRAW + line);
      System.err.flush();
      drawn = true;
    } else {
      System.err.println(line);
    }
  }

  /** Erases a line drawn in place, so that what is printed next starts on a clean line. */
  void finish() {
    if (drawn) {
      System.err.print(REDRAW);
      System.err.flush();
    }
  }
}
