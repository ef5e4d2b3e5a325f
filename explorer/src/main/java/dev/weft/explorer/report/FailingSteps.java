package dev.weft.explorer.report;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The steps a report marks as failing. */
final class FailingSteps {
  private FailingSteps() {}

  /**
   * The last step of the thread that failed; when no single thread did (a deadlock, a livelock),
   * the last step of each thread that never ended. For a data race, also the other access, so the
   * page marks the racing pair.
   */
  static Set<Integer> of(ExecutionResult r) {
    Map<Integer, TraceEvent> last = new HashMap<>();
    for (TraceEvent e : r.trace()) last.put(e.thread(), e);
    Set<Integer> steps = new TreeSet<>();
    for (TraceEvent e : last.values()) {
      boolean failing = r.thread() >= 0 ? e.thread() == r.thread() : e.operation() != Operation.END;
      if (failing) steps.add(e.step());
    }
    if (r.race() != null && r.race().earlier().traceIndex() >= 0) {
      steps.add(r.race().earlier().traceIndex());
    }
    return steps;
  }
}
