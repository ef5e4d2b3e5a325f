package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link ParkLostWakeup}'s twin: the waker sets a flag before it looks for the waiter, and the
 * waiter parks only while the flag is unset. Whichever goes first, the waiter either sees the flag
 * or has published itself in time to be unparked; the loop also absorbs spurious returns from
 * {@code park}.
 */
@Expect(bug = false)
public final class ParkLostWakeupFixed {
  static final class FlaggedWakeup extends ParkLostWakeup.Wakeup {
    private volatile boolean woken;

    @Override
    void await() {
      waiter = Thread.currentThread();
      while (!woken) LockSupport.park(this);
    }

    @Override
    void wake() {
      woken = true;
      super.wake();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    ParkLostWakeup.wakeUp(new FlaggedWakeup());
  }
}
