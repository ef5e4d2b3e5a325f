package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.SchedulingView;
import java.util.Arrays;

/**
 * Probabilistic Concurrency Testing with bug depth {@code d}: Burckhardt, Kothari, Musuvathi and
 * Nagarakatte, "A Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS
 * 2010, Algorithm 1.
 *
 * <p>Each thread gets a random priority of at least {@code d}; {@code d - 1} change points are
 * drawn uniformly over the estimated number of steps {@code k}; when the execution reaches the
 * {@code i}-th change point drawn, the running thread's priority drops to {@code i}, below every
 * initial priority. The highest-priority enabled thread always runs. The value of a change point
 * is its place in the draw, not in the execution: the thread demoted first may end above the
 * thread demoted second, so a thread can be preempted, another run briefly and be preempted in
 * turn, and the first come back. The bound of {@code 1/(n k^(d-1))} rests on that.
 *
 * <p>Deviations from the paper: the number of threads is not known in advance, so a thread gets
 * its random priority when it first appears (a random 62-bit value: the threads' relative order is
 * a uniformly random permutation, as the paper's {@code d..d+n-1} are); {@code k} is not known
 * either, so it is the largest step count seen in earlier executions of this exploration (the
 * initial guess serves only the first execution, so short programs get change points within their
 * length), as Shuttle does. A strategy is consulted only where two or more threads can run, so a
 * change point that falls on a step without a choice takes effect at the next step with one, on the
 * thread running then. Non-thread choices are uniform.
 */
public final class Pct extends Randomized {
  private final int depth;
  /** {@code k}: the initial guess until an execution has been seen, then the longest seen. */
  private int estimatedSteps;
  private boolean measured;
  private long[] priorities = new long[8];
  private int known;
  /** Steps of this execution's change points, in draw order; point {@code i} is worth i + 1. */
  private int[] changePoints = new int[0];
  /** Indices into {@link #changePoints} in the order they are reached: by step, ties by draw. */
  private Integer[] reached = new Integer[0];
  private int changesApplied;

  /**
   * @param depth the bug depth {@code d}, at least 1 (1 means no change points)
   * @param initialStepEstimate the first guess of {@code k}, at least 1
   */
  public Pct(int depth, int initialStepEstimate) {
    if (depth < 1) throw new IllegalArgumentException("PCT depth must be at least 1, was " + depth);
    this.depth = depth;
    this.estimatedSteps = Math.max(1, initialStepEstimate);
  }

  @Override
  protected void begin() {
    known = 0;
    changesApplied = 0;
    changePoints = new int[depth - 1];
    reached = new Integer[depth - 1];
    for (int i = 0; i < changePoints.length; i++) {
      changePoints[i] = 1 + random.nextInt(estimatedSteps);
      reached[i] = i;
    }
    Arrays.sort(reached, (a, b) -> Integer.compare(changePoints[a], changePoints[b]));
  }

  @Override
  public int pickThread(SchedulingView view) {
    while (known < view.threadCount()) assignPriority(known++);
    while (changesApplied < reached.length
        && changePoints[reached[changesApplied]] <= view.step()) {
      priorities[view.current()] = reached[changesApplied++] + 1; // below every initial priority
    }
    int best = view.enabled(0);
    for (int i = 1; i < view.enabledCount(); i++) {
      int candidate = view.enabled(i);
      if (priorities[candidate] > priorities[best]) best = candidate;
    }
    return best;
  }

  /** Initial priorities are random and at least {@code depth}, above every change-point value. */
  private void assignPriority(int thread) {
    if (thread == priorities.length) priorities = Arrays.copyOf(priorities, thread * 2);
    priorities[thread] = depth + (random.nextLong() >>> 2);
  }

  @Override
  public void endExecution(int steps) {
    estimatedSteps = measured ? Math.max(estimatedSteps, steps) : Math.max(1, steps);
    measured = true;
  }
}
