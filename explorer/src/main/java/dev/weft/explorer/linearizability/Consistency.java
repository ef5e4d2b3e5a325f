package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much of a history's real-time order a sequential explanation must keep.
 *
 * <p>Public API since 0.2.
 */
public enum Consistency {
  /**
   * Linearizability (Herlihy and Wing, TOPLAS 1990): a call that returned before another was
   * invoked comes before it.
   */
  LINEARIZABLE("linearizable"),
  /**
   * Quiescent consistency (Aspnes, Herlihy and Shavit, JACM 1994; Herlihy and Shavit's book, 3.3):
   * calls separated by a quiescent point, a moment when no call is pending, keep their order; calls
   * within one busy period may go in any order, even two of the same thread. Weaker than
   * linearizability: every linearizable history is quiescently consistent.
   */
  QUIESCENT("quiescently consistent");

  private final String adjective;

  Consistency(String adjective) {
    this.adjective = adjective;
  }

  /** {@code linearizable}, {@code quiescently consistent}: what a history is or is not. */
  public String adjective() {
    return adjective;
  }

  /**
   * The order the checker must keep, as a span per call (indexed by id): call {@code j} must come
   * before call {@code i} exactly when {@code end[j] < start[i]}. For linearizability the span is
   * the call's own; for quiescent consistency it is the number of its busy period at both ends, so
   * that one search serves both.
   */
  Spans spans(List<Call> calls) {
    int n = calls.size();
    int[] start = new int[n];
    int[] end = new int[n];
    if (this == LINEARIZABLE) {
      for (Call c : calls) {
        start[c.id()] = c.invoked();
        end[c.id()] = c.responded();
      }
      return new Spans(start, end);
    }
    // A busy period ends when every call invoked so far has responded before the next invocation.
    List<Call> byInvocation = new ArrayList<>(calls);
    byInvocation.sort(Comparator.comparingInt(Call::invoked));
    int period = 0;
    int lastResponse = Integer.MIN_VALUE;
    for (Call c : byInvocation) {
      if (c.invoked() > lastResponse && lastResponse != Integer.MIN_VALUE) period++;
      lastResponse = Math.max(lastResponse, c.responded());
      start[c.id()] = period;
      end[c.id()] = period;
    }
    return new Spans(start, end);
  }

  /** Per call id, the bounds of {@link #spans}; arrays are never shared outside the checker. */
  record Spans(int[] start, int[] end) {}
}
