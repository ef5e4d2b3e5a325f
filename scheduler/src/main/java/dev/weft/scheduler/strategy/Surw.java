package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.SchedulingView;
import java.util.Arrays;

/**
 * Selectively Uniform Random Walk, after Zhao, Wolff, Mathur and Roychoudhury, "Selectively
 * Uniform Concurrency Testing", ASPLOS 2025.
 *
 * <p>A random walk that picks each enabled thread with probability proportional to the number of
 * interesting events it still has to run samples interleavings of those events uniformly, where a
 * plain random walk favours interleavings that switch early. Interesting events are those that touch
 * shared state (the selection); other steps do not count.
 *
 * <p>Deviations: the paper gets each thread's event count from a profiling run and selects events by
 * a chosen resource; here the count of thread {@code t} is the largest seen for it in earlier
 * executions of the same exploration (1 at first, which makes the first execution a plain random
 * walk), and every shared-state event is selected.
 */
public final class Surw extends Randomized {
  /** Interesting events each thread ran in this execution. */
  private int[] done = new int[8];
  /** The most interesting events each thread ran in any earlier execution. */
  private int[] expected = new int[8];

  @Override
  public boolean observesEveryStep() {
    return true;
  }

  @Override
  protected void begin() {
    Arrays.fill(done, 0);
  }

  @Override
  public int pickThread(SchedulingView view) {
    grow(view.threadCount());
    int chosen = view.enabled(0);
    if (view.enabledCount() > 1) {
      long total = 0;
      for (int i = 0; i < view.enabledCount(); i++) total += remaining(view.enabled(i));
      long target = (random.nextLong() >>> 1) % total;
      for (int i = 0; i < view.enabledCount(); i++) {
        int t = view.enabled(i);
        target -= remaining(t);
        if (target < 0) {
          chosen = t;
          break;
        }
      }
    }
    if (view.pendingLocation(chosen) != Locations.NONE) done[chosen]++;
    return chosen;
  }

  private long remaining(int thread) {
    return Math.max(1, expected[thread] - done[thread]);
  }

  private void grow(int threads) {
    if (done.length < threads) {
      done = Arrays.copyOf(done, threads * 2);
      expected = Arrays.copyOf(expected, threads * 2);
    }
  }

  @Override
  public void endExecution(int steps) {
    for (int t = 0; t < done.length; t++) expected[t] = Math.max(expected[t], done[t]);
  }
}
