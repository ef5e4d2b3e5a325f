package dev.weft.scheduler.runtime;

import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;

/**
 * What a strategy sees of an execution when it picks a thread: read-only, by thread id, so a
 * strategy never touches a thread or the execution's books.
 */
final class StrategyView implements SchedulingView {
  private final Execution execution;
  private final EnabledThreads enabled;
  private final LocationKeys locations;
  /** The thread at the scheduling point; set by the execution before it asks the strategy. */
  int current;

  StrategyView(Execution execution, EnabledThreads enabled, LocationKeys locations) {
    this.execution = execution;
    this.enabled = enabled;
    this.locations = locations;
  }

  @Override
  public int step() {
    return execution.steps();
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int threadCount() {
    return execution.threads().length;
  }

  @Override
  public int enabledCount() {
    return enabled.count();
  }

  @Override
  public int enabled(int i) {
    return enabled.id(i);
  }

  @Override
  public boolean isEnabled(int id) {
    return enabled.contains(id);
  }

  @Override
  public Operation pendingOperation(int id) {
    return execution.thread(id).pendingOp;
  }

  @Override
  public int pendingSite(int id) {
    return execution.thread(id).pendingSite;
  }

  @Override
  public int pendingTarget(int id) {
    return locations.target(execution.thread(id).pendingObject);
  }

  @Override
  public int betweenSteps() {
    return execution.betweenSteps();
  }

  @Override
  public long pendingLocation(int id) {
    ControlledThread t = execution.thread(id);
    return locations.of(t, t.pendingOp, t.pendingObject, t.pendingSite);
  }
}
