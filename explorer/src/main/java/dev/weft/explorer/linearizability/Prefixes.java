package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the shortest prefix of a history that has no linearization, for the report of a history
 * that has none: where it went wrong. Linearizability is closed under prefixes (Herlihy and Wing): a
 * linearization of the whole history, cut where a prefix ends, linearizes the prefix, its calls
 * still running there taken or left out. So the prefixes without one are those from some response
 * on, found by doubling the responses a prefix holds, then by bisection.
 *
 * <p>A prefix ends at a response: it holds the calls invoked before it, those that responded by
 * then completed, the others running ({@link Search}). Each prefix is one more search, so only a
 * failing search of moderate size is followed by this one ({@link LinearizabilityChecker}).
 */
final class Prefixes<M> {
  private final SequentialSpec<M> spec;
  private final List<Call> calls;
  private final int[] start;
  private final int[] end;
  /** The responses' times in order: the ends of the prefixes. */
  private final int[] cuts;
  private int states;

  Prefixes(SequentialSpec<M> spec, List<Call> calls, int[] start, int[] end) {
    this.spec = spec;
    this.calls = calls;
    this.start = start;
    this.end = end;
    this.cuts = end.clone();
    Arrays.sort(cuts);
  }

  /**
   * The call whose response ends the shortest prefix without a linearization, given that the whole
   * history has none.
   */
  Call shortestFailing() {
    int n = calls.size();
    int passed = 0;
    int failedAt = n;
    for (int k = 1; k < n; k *= 2) {
      if (!linearizable(k)) {
        failedAt = k;
        break;
      }
      passed = k;
    }
    while (failedAt - passed > 1) {
      int mid = (passed + failedAt) >>> 1;
      if (linearizable(mid)) {
        passed = mid;
      } else {
        failedAt = mid;
      }
    }
    return responder(cuts[failedAt - 1]);
  }

  /** The states the prefixes' searches visited. */
  int states() {
    return states;
  }

  /** Whether the prefix that ends at the {@code k}-th response has a linearization. */
  private boolean linearizable(int k) {
    int cut = cuts[k - 1];
    List<Call> inside = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (start[i] < cut) {
        inside.add(calls.get(i));
        positions.add(i);
      }
    }
    int m = inside.size();
    int[] s = new int[m];
    int[] e = new int[m];
    boolean[] running = new boolean[m];
    for (int j = 0; j < m; j++) {
      int i = positions.get(j);
      s[j] = start[i];
      running[j] = end[i] > cut;
      // A running call's response lies past the prefix's end, after every response in it.
      e[j] = running[j] ? Integer.MAX_VALUE : end[i];
    }
    Verdict v = new Search<>(spec, inside, s, e, running).run(null);
    states += v.statesExplored();
    return v.linearizable();
  }

  private Call responder(int cut) {
    for (int i = 0; i < calls.size(); i++) if (end[i] == cut) return calls.get(i);
    throw new IllegalStateException("no call responds at " + cut);
  }
}
