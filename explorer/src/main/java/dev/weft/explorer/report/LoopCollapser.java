package dev.weft.explorer.report;

import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds runs where the same block of rows repeats, so a trace shows a loop once and then {@code
 * <iterations 2-17>} instead of every turn: a spinning or livelocked execution would otherwise print
 * thousands of identical rows. Rows are equal when everything but their step number is.
 */
final class LoopCollapser {
  /** Longest loop body looked for, in rows. */
  private static final int MAX_BODY = 16;
  /** Fewest iterations worth collapsing. */
  private static final int MIN_ITERATIONS = 3;

  /** A loop found at {@code start}: {@code body} rows repeated {@code iterations} times. */
  record Loop(int start, int body, int iterations) {
    int end() {
      return start + body * iterations;
    }
  }

  private LoopCollapser() {}

  /** The loops of {@code events}, left to right, none overlapping; greedy, longest cover first. */
  static List<Loop> find(List<TraceEvent> events) {
    List<Loop> loops = new ArrayList<>();
    int i = 0;
    while (i < events.size()) {
      Loop best = null;
      for (int body = 1; body <= MAX_BODY && i + body * MIN_ITERATIONS <= events.size(); body++) {
        int iterations = 1;
        while (i + (iterations + 1) * body <= events.size()
            && sameBlock(events, i, i + iterations * body, body)) {
          iterations++;
        }
        if (iterations >= MIN_ITERATIONS
            && (best == null || body * iterations > best.body() * best.iterations())) {
          best = new Loop(i, body, iterations);
        }
      }
      if (best != null) {
        loops.add(best);
        i = best.end();
      } else {
        i++;
      }
    }
    return loops;
  }

  private static boolean sameBlock(List<TraceEvent> events, int a, int b, int length) {
    for (int k = 0; k < length; k++) {
      if (!sameRow(events.get(a + k), events.get(b + k))) return false;
    }
    return true;
  }

  private static boolean sameRow(TraceEvent x, TraceEvent y) {
    return x.thread() == y.thread() && x.operation() == y.operation() && x.site() == y.site()
        && Objects.equals(x.target(), y.target()) && Objects.equals(x.note(), y.note())
        && Objects.equals(x.switchReason(), y.switchReason());
  }
}
