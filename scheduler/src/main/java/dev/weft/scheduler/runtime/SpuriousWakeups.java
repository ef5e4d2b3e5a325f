package dev.weft.scheduler.runtime;

import dev.weft.scheduler.view.ChoiceKind;

/**
 * Spurious wakeups in one execution. {@code Object.wait} may return without a notify, interrupt
 * or timeout (JLS 17.2.1), and so may {@code LockSupport.park} without an unpark; a program that
 * breaks when they do is wrong, typically an {@code if} that should be a {@code while}. One such
 * return is enough to show that, so at most {@link #PER_EXECUTION} is explored per execution:
 * every waiter runnable at every step would multiply the executions of systematic search for
 * nothing, and starve the waiter's notifier under strategies that favour one thread.
 *
 * <p>Whether a waiter gets one is a {@link ChoiceKind#SPURIOUS} choice of the strategy, taken as
 * the wait begins, so it is recorded and replays exactly. A waiter granted one can run as if
 * notified; when it runs is then the strategy's thread choice, as for any other thread.
 *
 * <p>Parks whose caller is JDK code get none: {@code java.util.concurrent} re-checks its state
 * around every park, so a spurious return there shows the program nothing new. Timed waits that
 * may time out at any point already return early, and get none either.
 */
final class SpuriousWakeups {
  /** Spurious wakeups explored per execution at most. */
  static final int PER_EXECUTION = 1;

  private final Execution execution;
  private int left;

  SpuriousWakeups(Execution execution, boolean explored) {
    this.execution = execution;
    this.left = explored ? PER_EXECUTION : 0;
  }

  /**
   * {@code ct} begins a wait of the program's for at most {@code timeoutNanos} (-1: untimed) that
   * nothing lets it leave yet: whether it may wake spuriously. Asks the strategy while any are left.
   */
  boolean grantWait(ControlledThread ct, long timeoutNanos) {
    return left > 0 && !execution.mayExpireAnytime(timeoutNanos) && grant(ct);
  }

  /** Likewise for a park; only one the program itself called, not JDK code, may get one. */
  boolean grantPark(ControlledThread ct, long timeoutNanos) {
    return left > 0 && !execution.mayExpireAnytime(timeoutNanos) && !Callers.isJdk() && grant(ct);
  }

  private boolean grant(ControlledThread ct) {
    if (execution.choose(ct, ChoiceKind.SPURIOUS, 2) == 0) return false;
    left--;
    return true;
  }
}
