package dev.weft.explorer.linearizability;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A history's invocations and responses as one doubly linked list in the order the checker must
 * keep, from which linearized calls are lifted out and put back in constant time (Knuth's dancing
 * links, as in Lowe's and Porcupine's checkers). Its use: the calls that may go next are exactly
 * the invocations before the first response still in the list, so finding them costs the width of
 * the history's window of overlapping calls, not its length.
 *
 * <p>Entries are numbered {@code 2 * call} for a call's invocation and {@code 2 * call + 1} for its
 * response; {@link #END} ends the list.
 */
final class EventList {
  /** Past the last entry. */
  static final int END = -1;

  private final int head;
  private final int[] next;
  private final int[] prev;

  /**
   * Call {@code j} must go before call {@code i} exactly when {@code end[j] < start[i]}; so an
   * invocation sorts before a response at the same time, and a call invoked at its neighbour's
   * response may still go first.
   */
  EventList(int[] start, int[] end) {
    int calls = start.length;
    head = 2 * calls;
    next = new int[head + 1];
    prev = new int[head + 1];
    Integer[] order = new Integer[head];
    for (int e = 0; e < head; e++) order[e] = e;
    Arrays.sort(order, Comparator.<Integer>comparingInt(e -> isResponse(e) ? end[e >> 1]
        : start[e >> 1]).thenComparingInt(e -> e & 1).thenComparingInt(e -> e));
    int last = head;
    for (int e : order) {
      next[last] = e;
      prev[e] = last;
      last = e;
    }
    next[last] = head;
    prev[head] = last;
  }

  /** The first entry still in the list, or {@link #END}. */
  int first() {
    return after(head);
  }

  /** The entry after {@code entry}, or {@link #END}. */
  int after(int entry) {
    int e = next[entry];
    return e == head ? END : e;
  }

  static boolean isResponse(int entry) {
    return (entry & 1) == 1;
  }

  static int call(int entry) {
    return entry >> 1;
  }

  static int invocation(int call) {
    return 2 * call;
  }

  /** Takes call {@code call}'s invocation and response out of the list. */
  void lift(int call) {
    unlink(2 * call);
    unlink(2 * call + 1);
  }

  /** Puts back the call lifted last; calls go back in the reverse order of their lifting. */
  void unlift(int call) {
    relink(2 * call + 1);
    relink(2 * call);
  }

  private void unlink(int e) {
    next[prev[e]] = next[e];
    prev[next[e]] = prev[e];
  }

  private void relink(int e) {
    next[prev[e]] = e;
    prev[next[e]] = e;
  }
}
