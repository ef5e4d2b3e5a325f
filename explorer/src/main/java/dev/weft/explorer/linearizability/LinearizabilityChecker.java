package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a history of completed calls is linearizable with respect to a sequential
 * specification: Wing and Gong's search ("Testing and verifying concurrent objects", JPDC 1993),
 * with the memoisation of Lowe ("Testing for linearizability", CCPE 2017): the pair (set of calls
 * linearized, state of the model) is visited once, since every way of reaching it has the same
 * future. That turns the search over orders into one over states, which is what makes histories of
 * hundreds of calls cheap when the object's state space is small.
 *
 * <p>A call may go next when every call that responded before it was invoked has gone already.
 * It goes when the specification, applied to a copy of the model, returns what the call returned.
 * Under {@link Consistency#QUIESCENT} the same search runs with "before" meaning an earlier busy
 * period rather than an earlier response ({@link Consistency#spans}).
 *
 * <p>Not thread-safe; one instance per check.
 */
public final class LinearizabilityChecker<M> {
  private final SequentialSpec<M> spec;
  private final List<Call> calls;
  /** By call id: call j must go before call i when {@code end[j] < start[i]}. */
  private final int[] start;
  private final int[] end;
  private final Set<Visited> visited = new HashSet<>();
  private final List<Call> path = new ArrayList<>();
  private List<Call> deepest = List.of();
  private List<Verdict.Candidate> deepestStuck = List.of();

  /** A state of the search: which calls are linearized, and the model's state after them. */
  private record Visited(BitSet linearized, Object state) {}

  private LinearizabilityChecker(SequentialSpec<M> spec, List<Call> calls,
      Consistency consistency) {
    this.spec = spec;
    this.calls = History.of(calls);
    for (int i = 0; i < this.calls.size(); i++) {
      if (this.calls.get(i).id() != i) {
        throw new IllegalArgumentException("calls must be numbered 0.." + (calls.size() - 1)
            + " without gaps; found " + this.calls.get(i).id() + " at " + i);
      }
    }
    Consistency.Spans spans = consistency.spans(this.calls);
    this.start = spans.start();
    this.end = spans.end();
  }

  /** Checks {@code calls} (every call completed, ids 0..n-1) for linearizability. */
  public static <M> Verdict check(SequentialSpec<M> spec, List<Call> calls) {
    return check(spec, calls, Consistency.LINEARIZABLE);
  }

  /**
   * Checks {@code calls} (every call completed, ids 0..n-1) against {@code spec} under {@code
   * consistency}.
   */
  public static <M> Verdict check(SequentialSpec<M> spec, List<Call> calls,
      Consistency consistency) {
    Objects.requireNonNull(consistency, "consistency");
    LinearizabilityChecker<M> checker = new LinearizabilityChecker<>(spec, calls, consistency);
    boolean found = checker.search(new BitSet(), spec.fresh());
    return found
        ? new Verdict(true, checker.path, List.of(), checker.visited.size())
        : new Verdict(false, checker.deepest, checker.deepestStuck, checker.visited.size());
  }

  private boolean search(BitSet linearized, M model) {
    if (linearized.cardinality() == calls.size()) return true;
    if (!visited.add(new Visited((BitSet) linearized.clone(), spec.key(model)))) return false;
    int firstEnd = Integer.MAX_VALUE;
    for (int i = linearized.nextClearBit(0); i < calls.size(); i = linearized.nextClearBit(i + 1)) {
      firstEnd = Math.min(firstEnd, end[i]);
    }
    List<Verdict.Candidate> refused = new ArrayList<>();
    for (int i = linearized.nextClearBit(0); i < calls.size(); i = linearized.nextClearBit(i + 1)) {
      Call call = calls.get(i);
      if (start[i] > firstEnd) continue; // a call that must come before it has not gone yet
      M next = spec.copy(model);
      Object expected = spec.apply(next, call);
      if (!Objects.equals(expected, call.result())) {
        refused.add(new Verdict.Candidate(call, expected));
        continue;
      }
      linearized.set(i);
      path.add(call);
      if (search(linearized, next)) return true;
      path.remove(path.size() - 1);
      linearized.clear(i);
    }
    if (path.size() > deepest.size() || deepest.isEmpty() && deepestStuck.isEmpty()) {
      deepest = List.copyOf(path);
      deepestStuck = List.copyOf(refused);
    }
    return false;
  }
}
