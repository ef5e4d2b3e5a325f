package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.LockSupport;

/**
 * A waiter that parks once, unless its flag is already set, and takes the return as the signal.
 * Its waker sets the flag before it unparks, and a permit given before the park is kept for it, so
 * no interleaving of the two breaks it; but {@code park} may return for no reason at all (its
 * documentation says so), and then the waiter goes on with the flag unset.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class ParkNoLoop {
  static class Signal {
    volatile boolean set;
    final Thread waiter;

    Signal(Thread waiter) {
      this.waiter = waiter;
    }

    void await() {
      if (!set) LockSupport.park(this);
      if (!set) throw new AssertionError("park returned with the flag unset");
    }

    final void raise() {
      set = true;
      LockSupport.unpark(waiter);
    }
  }

  /** Runs a waiter, made by {@code signal} from its own thread, against one waker. */
  static void raiseOnce(java.util.function.Function<Thread, Signal> signal)
      throws InterruptedException {
    Signal[] holder = new Signal[1];
    Thread waiter = Threads.named("waiter", () -> holder[0].await());
    holder[0] = signal.apply(waiter);
    Threads.startAndJoin(waiter, Threads.named("waker", holder[0]::raise));
  }

  public static void main(String[] args) throws InterruptedException {
    raiseOnce(Signal::new);
  }
}
