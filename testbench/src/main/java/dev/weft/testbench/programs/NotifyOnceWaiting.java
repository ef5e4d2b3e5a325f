package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link NotifyBeforeWaiting}'s twin: main polls {@code getState} until the worker is {@code
 * WAITING}, in the monitor's wait set, and only then notifies (or until it has ended, woken
 * spuriously). Systematic search proves it, since main's polls give way to the worker.
 */
@Expect(bug = false)
public final class NotifyOnceWaiting {
  public static void main(String[] args) throws InterruptedException {
    NotifyBeforeWaiting.notifyWhen(
        state -> state == Thread.State.WAITING || state == Thread.State.TERMINATED);
  }
}
