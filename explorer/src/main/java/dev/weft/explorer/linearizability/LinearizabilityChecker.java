package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a history of completed calls is linearizable with respect to a sequential
 * specification: Wing and Gong's search ("Testing and verifying concurrent objects", JPDC 1993),
 * with the memoisation of Lowe ("Testing for linearizability", CCPE 2017): the pair (set of calls
 * linearized, state of the model) is visited once, since every way of reaching it has the same
 * future. That turns the search over orders into one over states ({@link Search}).
 *
 * <p>A call may go next when every call that responded before it was invoked has gone already.
 * It goes when the specification, applied to a copy of the model, returns what the call returned.
 * Under {@link Consistency#QUIESCENT} the same search runs with "before" meaning an earlier busy
 * period rather than an earlier response ({@link Consistency#spans}). A specification that names
 * the parts of its state ({@link SequentialSpec#partitionBy}) is checked one part at a time. The report
 * of a history with no linearization names its shortest prefix without one ({@link Prefixes}).
 */
public final class LinearizabilityChecker {
  private LinearizabilityChecker() {}

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
    List<Call> history = History.of(calls);
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).id() != i) {
        throw new IllegalArgumentException("calls must be numbered 0.." + (calls.size() - 1)
            + " without gaps; found " + history.get(i).id() + " at " + i);
      }
    }
    // Spans over the whole history, also for its parts: a part keeps the whole's real-time order
    // and, under quiescent consistency, the whole's quiescent points.
    Consistency.Spans spans = consistency.spans(history);
    Map<Object, List<Integer>> parts = Parts.split(spec, history);
    if (parts == null) return search(spec, history, spans.start(), spans.end(), consistency, null);
    int states = 0;
    List<List<Call>> orders = new ArrayList<>();
    for (Map.Entry<Object, List<Integer>> part : parts.entrySet()) {
      List<Integer> ids = part.getValue();
      List<Call> partCalls = new ArrayList<>(ids.size());
      int[] start = new int[ids.size()];
      int[] end = new int[ids.size()];
      for (int k = 0; k < ids.size(); k++) {
        partCalls.add(history.get(ids.get(k)));
        start[k] = spans.start()[ids.get(k)];
        end[k] = spans.end()[ids.get(k)];
      }
      Verdict verdict = search(spec, partCalls, start, end, consistency, part.getKey());
      states += verdict.statesExplored();
      if (!verdict.linearizable()) {
        return new Verdict(false, verdict.order(), verdict.stuck(), states, part.getKey(),
            verdict.prefixEnd());
      }
      orders.add(verdict.order());
    }
    List<Call> order = Parts.merge(history, spans.start(), spans.end(), orders);
    return new Verdict(true, order, List.of(), states, null, null);
  }

  /**
   * Histories whose search visited more states than this are reported without their shortest
   * failing prefix: finding it takes about as many searches as the history has doublings of its
   * length, each up to the size of the first.
   */
  static final int PREFIX_SEARCH_STATES = 100_000;

  /**
   * One search over {@code calls} with these spans; for linearizability, a failure names the
   * shortest prefix with no linearization ({@link Prefixes}), which quiescent consistency, whose
   * order between two calls depends on busy periods that a prefix may cut, does not.
   */
  private static <M> Verdict search(SequentialSpec<M> spec, List<Call> calls, int[] start,
      int[] end, Consistency consistency, Object part) {
    Verdict verdict = new Search<>(spec, calls, start, end).run(part);
    if (verdict.linearizable() || consistency != Consistency.LINEARIZABLE
        || verdict.statesExplored() > PREFIX_SEARCH_STATES) {
      return verdict;
    }
    Prefixes<M> prefixes = new Prefixes<>(spec, calls, start, end);
    Call prefixEnd = prefixes.shortestFailing();
    return new Verdict(false, verdict.order(), verdict.stuck(),
        verdict.statesExplored() + prefixes.states(), part, prefixEnd);
  }
}
