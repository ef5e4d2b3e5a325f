package dev.weft.explorer.report.graph;

import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;

/**
 * Runs the newest enabled thread: a thread started runs until it blocks or ends. A fixed schedule,
 * so each sample's trace, and graph, is always the same.
 */
final class NewestFirst implements Strategy {
  @Override
  public void beginExecution(long seed) {}

  @Override
  public int pickThread(SchedulingView view) {
    return view.enabled(view.enabledCount() - 1);
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    return 0;
  }
}
