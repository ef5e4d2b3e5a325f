package dev.weft.scheduler.strategy;

import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;
import java.util.Arrays;
import java.util.List;

/**
 * Follows a plan that shrinking derived from a failing execution, and never preempts where the plan
 * has nothing to say. A plan is a list of {@link Segment}s: run this thread until it has taken that
 * many steps in all. Counting each thread's own steps, rather than the execution's, keeps the rest
 * of a plan meaning the same when shrinking drops a segment: the dropped steps are simply taken in
 * that thread's next segment.
 *
 * <p>At each step the current segment's thread runs, unless it has reached its count or cannot run;
 * then the plan moves on to the next segment. Once the plan is used up, the current thread goes on
 * if it can, else the lowest enabled id does: no preemption. So cutting a plan short removes every
 * preemption after the cut. Value choices (which waiter a {@code notify} wakes) follow the
 * recording's value choices in order where they fit, else take 0.
 */
public final class Shrinking implements Strategy {
  /** Run {@code thread} until it has taken {@code until} steps since the execution began. */
  public record Segment(int thread, int until) {}

  private final List<Segment> plan;
  private final Choices recorded;
  /** The current segment's index in {@link #plan}. */
  private int segment;
  /** Steps each thread has taken so far, by thread id. */
  private int[] taken = new int[8];
  /** Index in {@link #recorded} from which to look for the next value choice. */
  private int nextValue;

  /** @param recorded the choices of the execution the plan comes from, for its value choices */
  public Shrinking(List<Segment> plan, Choices recorded) {
    this.plan = List.copyOf(plan);
    this.recorded = recorded;
  }

  @Override
  public boolean observesEveryStep() {
    return true; // a plan counts every step of every thread, also where only one can run
  }

  @Override
  public void beginExecution(long seed) {
    segment = 0;
    Arrays.fill(taken, 0);
    nextValue = 0;
  }

  @Override
  public int pickThread(SchedulingView view) {
    int chosen = -1;
    while (chosen < 0 && segment < plan.size()) {
      Segment s = plan.get(segment);
      if (view.isEnabled(s.thread()) && steps(s.thread()) < s.until()) {
        chosen = s.thread();
      } else {
        segment++;
      }
    }
    if (chosen < 0) chosen = view.isEnabled(view.current()) ? view.current() : view.enabled(0);
    if (chosen >= taken.length) {
      taken = Arrays.copyOf(taken, Math.max(chosen + 1, 2 * taken.length));
    }
    taken[chosen]++;
    return chosen;
  }

  private int steps(int thread) {
    return thread < taken.length ? taken[thread] : 0;
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    while (nextValue < recorded.size() && recorded.kind(nextValue) == ChoiceKind.THREAD) {
      nextValue++;
    }
    if (nextValue == recorded.size()) return 0;
    int i = nextValue++;
    return recorded.kind(i) == kind && recorded.value(i) < bound ? recorded.value(i) : 0;
  }
}
