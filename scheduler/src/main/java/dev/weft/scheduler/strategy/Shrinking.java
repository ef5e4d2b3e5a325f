package dev.weft.scheduler.strategy;

import dev.weft.scheduler.trace.Choices;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a candidate schedule that shrinking derived from a failing one, and never preempts where
 * the candidate has nothing to say. Choice {@code i} of the execution takes entry {@code i} of the
 * candidate when it fits: a thread choice naming an enabled thread, or a value choice of the same
 * kind within the bound. Otherwise, and once the candidate has run out, it keeps the current thread
 * if that can go on, else runs the lowest enabled id; a value choice is then 0. So cutting a
 * candidate short removes every preemption after the cut, and replacing one preemptive entry by
 * the thread it left removes that preemption.
 *
 * <p>It notes where its execution preempted, so that shrinking knows which choices to try next.
 */
public final class Shrinking implements Strategy {
  /**
   * Choice {@code choice} of an execution switched away from thread {@code current}, which could
   * have gone on.
   */
  public record Preemption(int choice, int current) {}

  private final Choices candidate;
  private final List<Preemption> preemptions = new ArrayList<>();
  /** Index of the execution's next choice, which is also the candidate entry it may take. */
  private int next;

  public Shrinking(Choices candidate) {
    this.candidate = candidate;
  }

  @Override
  public void beginExecution(long seed) {
    next = 0;
    preemptions.clear();
  }

  @Override
  public int pickThread(SchedulingView view) {
    int i = next++;
    int current = view.current();
    boolean currentCanGoOn = view.isEnabled(current);
    int chosen;
    if (fits(i, ChoiceKind.THREAD) && view.isEnabled(candidate.value(i))) {
      chosen = candidate.value(i);
    } else {
      chosen = currentCanGoOn ? current : view.enabled(0);
    }
    if (currentCanGoOn && chosen != current) preemptions.add(new Preemption(i, current));
    return chosen;
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    int i = next++;
    return fits(i, kind) && candidate.value(i) < bound ? candidate.value(i) : 0;
  }

  private boolean fits(int i, ChoiceKind kind) {
    return i < candidate.size() && candidate.kind(i) == kind;
  }

  /** The preemptions of the last execution, in order. */
  public List<Preemption> preemptions() {
    return List.copyOf(preemptions);
  }
}
