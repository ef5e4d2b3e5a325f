package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A history cut into the parts of the state its calls touch ({@link SequentialSpec#partitionBy}),
 * and the parts' linearizations merged back into one of the whole history.
 */
final class Parts {
  private Parts() {}

  /**
   * The positions of {@code calls} per part, parts in the order of their first call; null when the
   * specification names no parts, a call touches the whole state, or all calls touch one part.
   */
  static Map<Object, List<Integer>> split(SequentialSpec<?> spec, List<Call> calls) {
    Map<Object, List<Integer>> parts = new LinkedHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      Object part = spec.partOf(calls.get(i));
      if (part == null) return null;
      parts.computeIfAbsent(part, p -> new ArrayList<>()).add(i);
    }
    return parts.size() > 1 ? parts : null;
  }

  /**
   * One order of all the calls that keeps each part's order and the history's ({@code end[j] <
   * start[i]} puts call j first): a topological sort of the two orders together, which Herlihy and
   * Wing's locality proof shows has no cycle, so taking any call whose predecessors have all gone
   * never gets stuck.
   */
  static List<Call> merge(List<Call> calls, int[] start, int[] end, List<List<Call>> orders) {
    int n = calls.size();
    Integer[] byEnd = new Integer[n];
    for (int i = 0; i < n; i++) byEnd[i] = i;
    Arrays.sort(byEnd, (a, b) -> Integer.compare(end[a], end[b]));
    int[] sortedEnds = new int[n];
    for (int k = 0; k < n; k++) sortedEnds[k] = end[byEnd[k]];
    boolean[] placed = new boolean[n];
    int placedPrefix = 0; // the first placedPrefix calls by response have all been placed
    int[] next = new int[orders.size()];
    List<Call> merged = new ArrayList<>(n);
    while (merged.size() < n) {
      boolean progressed = false;
      for (int p = 0; p < orders.size() && !progressed; p++) {
        if (next[p] == orders.get(p).size()) continue;
        Call call = orders.get(p).get(next[p]);
        int i = call.id();
        if (placedPrefix < respondedBefore(sortedEnds, start[i])) continue;
        placed[i] = true;
        merged.add(call);
        next[p]++;
        progressed = true;
        while (placedPrefix < n && placed[byEnd[placedPrefix]]) placedPrefix++;
      }
      if (!progressed) {
        throw new IllegalStateException("the parts' linearizations do not merge: " + orders);
      }
    }
    return merged;
  }

  /** How many calls responded before {@code time}: those with {@code end < time}. */
  private static int respondedBefore(int[] sortedEnds, int time) {
    int lo = 0;
    int hi = sortedEnds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedEnds[mid] < time) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
