package dev.weft.scheduler.testing;

import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;
import java.util.Arrays;

/** A scheduling point set up by hand, for testing a strategy without running threads. */
public final class FixedView implements SchedulingView {
  private int step;
  private int current;
  private int threadCount;
  private int[] enabled = new int[0];

  /** Step {@code step}, {@code current} reached it, {@code threadCount} threads, these enabled. */
  public FixedView set(int step, int current, int threadCount, int... enabled) {
    this.step = step;
    this.current = current;
    this.threadCount = threadCount;
    this.enabled = enabled.clone();
    Arrays.sort(this.enabled);
    return this;
  }

  @Override
  public int step() {
    return step;
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int threadCount() {
    return threadCount;
  }

  @Override
  public int enabledCount() {
    return enabled.length;
  }

  @Override
  public int enabled(int i) {
    return enabled[i];
  }

  @Override
  public boolean isEnabled(int id) {
    return Arrays.binarySearch(enabled, id) >= 0;
  }

  @Override
  public Operation pendingOperation(int id) {
    return Operation.YIELD;
  }

  @Override
  public long pendingLocation(int id) {
    return dev.weft.scheduler.view.Locations.NONE;
  }

  @Override
  public int pendingSite(int id) {
    return -1;
  }

  @Override
  public int pendingTarget(int id) {
    return 0;
  }

  @Override
  public int betweenSteps() {
    return 0;
  }
}
