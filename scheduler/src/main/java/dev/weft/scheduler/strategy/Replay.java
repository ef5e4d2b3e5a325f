package dev.weft.scheduler.strategy;

import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.StepLog;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;

/**
 * Replays the choices of a recorded execution, one by one. When the program asks for something the
 * recording does not hold (a thread that is not enabled, a choice of another kind, more choices
 * than recorded) it throws {@link ReplayDivergence} naming the step and both sides.
 *
 * <p>Given the recording's {@link StepLog}, it also checks every step, before it runs, against the
 * recording: which threads can run, what each is about to do, where and on what, and what ran
 * since the previous step; and that the execution does not end before the recording did. The
 * first difference means the program is not deterministic under a fixed schedule, and is
 * reported as such.
 */
public final class Replay implements Strategy {
  private final Choices recorded;
  private final StepLog expected;
  private int next;
  private int step;

  public Replay(Choices recorded) {
    this(recorded, null);
  }

  /** @param expected the recording's steps, or null to follow the choices unchecked */
  public Replay(Choices recorded, StepLog expected) {
    this.recorded = recorded;
    this.expected = expected;
  }

  @Override
  public boolean observesEveryStep() {
    return expected != null; // every step passes through pickThread, so every step is checked
  }

  @Override
  public void beginExecution(long seed) {
    next = 0;
    step = 0;
  }

  /** A replay that stops short of its recording ran another execution, whatever its outcome. */
  @Override
  public void endExecution(int steps) {
    if (expected != null && step < expected.size()) StepCheck.endedEarly(expected, step);
  }

  @Override
  public int pickThread(SchedulingView view) {
    if (expected != null) StepCheck.check(expected, step++, view);
    if (view.enabledCount() == 1) return view.enabled(0); // not a choice: none was recorded
    int thread = take(ChoiceKind.THREAD, view.step());
    if (!view.isEnabled(thread)) {
      StringBuilder enabled = new StringBuilder();
      for (int i = 0; i < view.enabledCount(); i++) {
        enabled.append(i == 0 ? "" : ", ").append('T').append(view.enabled(i));
      }
      throw new ReplayDivergence(
          "at step " + view.step() + " the schedule runs T" + thread
              + ", but only " + enabled + " can run");
    }
    return thread;
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    int value = take(kind, -1);
    if (value >= bound) {
      throw new ReplayDivergence(
          "choice " + (next - 1) + " (" + kind + ") is " + value + ", but only " + bound
              + " options exist");
    }
    return value;
  }

  private int take(ChoiceKind kind, int step) {
    String where = step >= 0 ? "at step " + step : "at choice " + next;
    if (next >= recorded.size()) {
      throw new ReplayDivergence(
          where + " the program asks for a " + kind + " choice, but the schedule has ended after "
              + recorded.size() + " choices");
    }
    if (recorded.kind(next) != kind) {
      throw new ReplayDivergence(
          where + " the program asks for a " + kind + " choice, but the schedule holds a "
              + recorded.kind(next) + " choice");
    }
    return recorded.value(next++);
  }

  /** Choices recorded but not consumed; non-zero after an execution means it ended early. */
  public int remaining() {
    return recorded.size() - next;
  }
}
