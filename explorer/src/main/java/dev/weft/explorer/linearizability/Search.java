package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Wing and Gong's search for a linearization of one history, with Lowe's memoisation, run as a
 * loop over an explicit stack (a history of thousands of calls is that deep): from the calls that
 * may go next ({@link EventList}), try each whose result the model gives, go deeper, and undo on
 * failure. Each (linearized set, model state) pair is entered once ({@link Memo}).
 *
 * <p>A prefix of a history ({@link Prefixes}) has calls still running where it ends: such a
 * pending call may have taken effect, with any result, or not yet, so the search may linearize it
 * without checking its result, or leave it out; it succeeds once every completed call is
 * linearized.
 *
 * <p>Calls are numbered by their position in {@code calls}, whatever their ids. Not thread-safe;
 * one instance per search.
 */
final class Search<M> {
  private final SequentialSpec<M> spec;
  private final List<Call> calls;
  private final EventList events;
  private final Memo memo;
  /** Per call, whether it is still running where the history ends; null when none is. */
  private final boolean[] pending;
  private final int completed;
  /** Per depth of the stack: the call linearized there, and the model before it. */
  private final int[] taken;
  private final Object[] modelBefore;
  private int deepestDepth = -1;
  private List<Call> deepest = List.of();
  private List<Verdict.Candidate> deepestStuck = List.of();

  /** A search over {@code calls}, every one completed. */
  Search(SequentialSpec<M> spec, List<Call> calls, int[] start, int[] end) {
    this(spec, calls, start, end, null);
  }

  /**
   * A search over {@code calls}, of which those marked in {@code pending} (when not null) are still
   * running where the history ends: their {@code end} must lie past every other call's.
   */
  Search(SequentialSpec<M> spec, List<Call> calls, int[] start, int[] end, boolean[] pending) {
    this.spec = spec;
    this.pending = pending;
    int running = 0;
    if (pending != null) for (boolean p : pending) if (p) running++;
    this.completed = calls.size() - running;
    this.calls = calls;
    this.events = new EventList(start, end);
    this.memo = new Memo(calls.size());
    int n = calls.size();
    taken = new int[n];
    modelBefore = new Object[n];
  }

  /**
   * The verdict on this history alone: a linearization, or the deepest point the search reached;
   * {@code part}, the part of the state these calls touch, for the verdict to name, or null.
   */
  Verdict run(Object part) {
    M model = spec.fresh();
    memo.visit(spec.key(model));
    int depth = 0;
    int linearizedCompleted = 0;
    int entry = events.first();
    while (linearizedCompleted < completed) {
      if (entry != EventList.END && !EventList.isResponse(entry)) {
        int i = EventList.call(entry);
        M next = spec.copy(model);
        Object result = spec.apply(next, calls.get(i));
        if (isPending(i) || Objects.equals(result, calls.get(i).result())) {
          memo.linearize(i);
          if (memo.visit(spec.key(next))) {
            if (!isPending(i)) linearizedCompleted++;
            taken[depth] = i;
            modelBefore[depth] = model;
            depth++;
            model = next;
            events.lift(i);
            entry = events.first();
            continue;
          }
          memo.unlinearize(i);
        }
        entry = events.after(entry);
        continue;
      }
      if (depth > deepestDepth) record(depth, model);
      if (depth == 0) {
        return new Verdict(false, deepest, deepestStuck, memo.size(), part, null);
      }
      depth--;
      int i = taken[depth];
      @SuppressWarnings("unchecked")
      M before = (M) modelBefore[depth];
      model = before;
      modelBefore[depth] = null;
      events.unlift(i);
      memo.unlinearize(i);
      if (!isPending(i)) linearizedCompleted--;
      entry = events.after(EventList.invocation(i));
    }
    List<Call> order = new ArrayList<>(calls.size());
    for (int d = 0; d < depth; d++) order.add(calls.get(taken[d]));
    return new Verdict(true, order, List.of(), memo.size(), null, null);
  }

  private boolean isPending(int call) {
    return pending != null && pending[call];
  }

  /**
   * Keeps the order on the stack as the deepest the search could extend no further, with what the
   * model would have returned for each call that could have come next and returned something else.
   */
  private void record(int depth, M model) {
    deepestDepth = depth;
    List<Call> order = new ArrayList<>(depth);
    for (int d = 0; d < depth; d++) order.add(calls.get(taken[d]));
    deepest = order;
    List<Verdict.Candidate> stuck = new ArrayList<>();
    for (int e = events.first(); e != EventList.END && !EventList.isResponse(e);
        e = events.after(e)) {
      if (isPending(EventList.call(e))) continue; // it may take any result
      Call call = calls.get(EventList.call(e));
      Object expected = spec.apply(spec.copy(model), call);
      if (!Objects.equals(expected, call.result())) stuck.add(new Verdict.Candidate(call, expected));
    }
    deepestStuck = stuck;
  }
}
