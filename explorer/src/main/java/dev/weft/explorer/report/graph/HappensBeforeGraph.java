package dev.weft.explorer.report.graph;

import dev.weft.explorer.report.graph.SyncRules.Channel;
import dev.weft.explorer.report.graph.SyncRules.Role;
import dev.weft.explorer.report.graph.SyncRules.Sync;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The happens-before relation of a traced execution, as a graph whose nodes are the steps of the
 * trace: program order within each thread, and the synchronization edges of {@link SyncRules}
 * between threads. An edge inside one thread other than program order would add nothing, so there
 * is none. Internal; immutable once built.
 */
public final class HappensBeforeGraph {
  private final List<TraceEvent> steps;
  private final List<String> threadNames;
  private final Graph<TraceEvent, HbEdge> graph;

  private HappensBeforeGraph(
      List<TraceEvent> steps, List<String> threadNames, Graph<TraceEvent, HbEdge> graph) {
    this.steps = steps;
    this.threadNames = threadNames;
    this.graph = new AsUnmodifiableGraph<>(graph);
  }

  /** Builds the graph of {@code trace}, whose threads are named by id in {@code threadNames}. */
  public static HappensBeforeGraph of(List<TraceEvent> trace, List<String> threadNames) {
    Graph<TraceEvent, HbEdge> g = new DirectedMultigraph<>(HbEdge.class);
    Map<Integer, TraceEvent> lastOfThread = new HashMap<>();
    Map<Channel, TraceEvent> lastRelease = new HashMap<>();
    for (TraceEvent e : trace) {
      g.addVertex(e);
      List<Sync> syncs = new ArrayList<>(SyncRules.of(e, threadNames));
      TraceEvent previous = lastOfThread.put(e.thread(), e);
      if (previous == null) {
        syncs.add(SyncRules.started(threadNames.get(e.thread())));
      } else {
        link(g, previous, e, EdgeKind.PROGRAM_ORDER);
      }
      // A step sees what was released before it, then publishes: acquires first.
      for (Sync s : syncs) {
        TraceEvent from = s.role() == Role.ACQUIRE ? lastRelease.get(s.channel()) : null;
        if (from != null && from.thread() != e.thread()) link(g, from, e, s.channel().kind());
      }
      for (Sync s : syncs) {
        if (s.role() == Role.RELEASE) lastRelease.put(s.channel(), e);
      }
    }
    return new HappensBeforeGraph(List.copyOf(trace), List.copyOf(threadNames), g);
  }

  private static void link(
      Graph<TraceEvent, HbEdge> g, TraceEvent from, TraceEvent to, EdgeKind kind) {
    g.addEdge(from, to, new HbEdge(from.step(), to.step(), kind));
  }

  /** The graph itself, read-only: nodes iterate in step order, edges by their later step. */
  public Graph<TraceEvent, HbEdge> graph() {
    return graph;
  }

  /** Every step, in order. */
  public List<TraceEvent> steps() {
    return steps;
  }

  /** The display name of each thread, by id. */
  public List<String> threadNames() {
    return threadNames;
  }

  public String threadOf(TraceEvent e) {
    return threadNames.get(e.thread());
  }
}
