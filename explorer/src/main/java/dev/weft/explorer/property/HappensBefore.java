package dev.weft.explorer.property;

import dev.weft.explorer.report.graph.HappensBeforeGraph;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * The happens-before order of one execution's operations: which named thread's operation ended
 * before another's began, by program order and synchronization (a monitor, a volatile, a start, a
 * join, {@code java.util.concurrent}), as Weft's happens-before graph of the execution's trace has
 * it. Two operations neither of which happens before the other are concurrent: what one wrote
 * without synchronization may or may not be seen by the other.
 *
 * <p>Operation {@code a} happens before {@code b} when the last traced step of {@code a}'s thread
 * up to the end of {@code a} reaches the first traced step of {@code b}'s thread from the start of
 * {@code b} along the graph's edges. An operation without a scheduling point of its own thus counts
 * as part of its thread's step before it (or after it). Plain field accesses are not steps, so a
 * write seen through a plain field orders nothing, which is the point.
 *
 * <p>Public API since 0.2. Immutable.
 */
public final class HappensBefore {
  private final List<String> threads;
  /** {@code before[a][b]}: a's operation happens before b's; never both ways; null: unknown. */
  private final boolean[][] before;

  private HappensBefore(List<String> threads, boolean[][] before) {
    this.threads = List.copyOf(threads);
    this.before = before;
  }

  /**
   * The order of the operations named {@code threads}, whose trace rows are {@code spans}, in the
   * execution traced as {@code trace} with its threads named by id in {@code traceThreadNames}.
   */
  static HappensBefore of(List<String> threads, List<Span> spans, List<TraceEvent> trace,
      List<String> traceThreadNames) {
    if (trace.isEmpty()) return new HappensBefore(threads, null);
    Graph<TraceEvent, ?> graph = HappensBeforeGraph.of(trace, traceThreadNames).graph();
    int n = threads.size();
    boolean[][] before = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      TraceEvent last = lastStepUpToEnd(trace, spans.get(a));
      if (last == null) continue;
      Set<TraceEvent> reached = reachable(graph, last);
      for (int b = 0; b < n; b++) {
        TraceEvent first = a == b ? null : firstStepFromStart(trace, spans.get(b));
        before[a][b] = first != null && reached.contains(first);
      }
    }
    return new HappensBefore(threads, before);
  }

  private static TraceEvent lastStepUpToEnd(List<TraceEvent> trace, Span span) {
    for (int row = Math.min(span.endRow(), trace.size()) - 1; row >= 0; row--) {
      if (trace.get(row).thread() == span.thread()) return trace.get(row);
    }
    return null;
  }

  private static TraceEvent firstStepFromStart(List<TraceEvent> trace, Span span) {
    for (int row = span.startRow(); row < trace.size(); row++) {
      if (trace.get(row).thread() == span.thread()) return trace.get(row);
    }
    return null;
  }

  /** The steps {@code from} reaches, itself included: its edges go only to later steps. */
  private static <E> Set<TraceEvent> reachable(Graph<TraceEvent, E> graph, TraceEvent from) {
    Set<TraceEvent> seen = new HashSet<>();
    ArrayDeque<TraceEvent> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      TraceEvent e = todo.pop();
      if (!seen.add(e)) continue;
      for (E edge : graph.outgoingEdgesOf(e)) todo.push(graph.getEdgeTarget(edge));
    }
    return seen;
  }

  /**
   * Whether the operation of thread {@code a} happens before that of thread {@code b}.
   *
   * @throws NoSuchElementException when the scenario has no thread of either name
   */
  public boolean before(String a, String b) {
    int i = index(a);
    int j = index(b);
    return known()[i][j];
  }

  /** Whether neither operation happens before the other. */
  public boolean concurrent(String a, String b) {
    return !before(a, b) && !before(b, a);
  }

  /** Every pair {@code (a, b)} where a's operation happens before b's, in declaration order. */
  public List<Pair<String, String>> pairs() {
    boolean[][] order = known();
    List<Pair<String, String>> pairs = new ArrayList<>();
    for (int a = 0; a < threads.size(); a++) {
      for (int b = 0; b < threads.size(); b++) {
        if (order[a][b]) pairs.add(new Pair<>(threads.get(a), threads.get(b)));
      }
    }
    return pairs;
  }

  private boolean[][] known() {
    if (before == null) {
      throw new IllegalStateException("the happens-before order is known only of an execution Weft"
          + " ran and traced (Properties.forAllInterleavings, executeInterleaving); this one ran"
          + " outside Weft");
    }
    return before;
  }

  private int index(String thread) {
    int i = threads.indexOf(thread);
    if (i < 0) {
      throw new NoSuchElementException("no thread named '" + thread + "' in this scenario; its"
          + " threads: " + threads);
    }
    return i;
  }

  /** For example {@code [a-to-b < audit, b-to-a < audit]}. */
  @Override
  public String toString() {
    if (before == null) return "unknown";
    return pairs().stream().map(p -> p.first() + " < " + p.second()).toList().toString();
  }

  /**
   * Where one operation is in the trace: its thread's id, and the trace's length when it began and
   * when it ended (so its own steps are the thread's rows in between).
   */
  record Span(int thread, int startRow, int endRow) {}
}
