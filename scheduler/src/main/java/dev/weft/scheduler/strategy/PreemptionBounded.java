package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;

/**
 * Bounds any strategy to at most {@code k} preemptions per execution (CHESS's preemption bounding,
 * Musuvathi and Qadeer, PLDI 2007): once the budget is spent, the running thread goes on whenever it
 * can. A switch away from a thread that blocked or ended is not a preemption.
 */
public final class PreemptionBounded implements Strategy {
  private final Strategy inner;
  private final int bound;
  private int preemptions;

  public PreemptionBounded(Strategy inner, int bound) {
    if (bound < 0) throw new IllegalArgumentException("preemption bound must be >= 0: " + bound);
    this.inner = inner;
    this.bound = bound;
  }

  @Override
  public void beginExecution(long seed) {
    preemptions = 0;
    inner.beginExecution(seed);
  }

  @Override
  public int pickThread(SchedulingView view) {
    boolean currentCanGoOn = view.isEnabled(view.current());
    if (currentCanGoOn && preemptions >= bound) return view.current();
    int chosen = inner.pickThread(view);
    if (currentCanGoOn && chosen != view.current() && chosen != PRUNE) preemptions++;
    return chosen;
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    return inner.pickValue(kind, bound);
  }

  @Override
  public void endExecution(int steps) {
    inner.endExecution(steps);
  }

  @Override
  public boolean observesEveryStep() {
    return inner.observesEveryStep();
  }

  @Override
  public void accessed(int thread, dev.weft.scheduler.view.Operation op, long location) {
    inner.accessed(thread, op, location);
  }
}
