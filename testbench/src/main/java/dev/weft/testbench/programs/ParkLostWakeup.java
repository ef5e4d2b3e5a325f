package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.LockSupport;

/**
 * A lost wake-up with {@link LockSupport}: the waiter publishes its thread, then parks; the waker
 * unparks whatever thread it finds published, and records nothing else. When the waker looks before
 * the waiter has published itself, it finds nobody and wakes nobody; the waiter then parks forever,
 * and main waits forever in {@code join}: a deadlock. (Unparking a thread before it parks is safe:
 * the permit waits for it. Unparking nobody is not.)
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class ParkLostWakeup {
  static class Wakeup {
    volatile Thread waiter;

    void await() {
      waiter = Thread.currentThread();
      LockSupport.park(this);
    }

    void wake() {
      Thread w = waiter;
      if (w != null) LockSupport.unpark(w);
    }
  }

  static void wakeUp(Wakeup wakeup) throws InterruptedException {
    Threads.startAndJoin(
        Threads.named("waiter", wakeup::await), Threads.named("waker", wakeup::wake));
  }

  public static void main(String[] args) throws InterruptedException {
    wakeUp(new Wakeup());
  }
}
