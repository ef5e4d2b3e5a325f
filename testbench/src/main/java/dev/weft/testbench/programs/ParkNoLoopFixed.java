package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.LockSupport;

/** {@link ParkNoLoop}'s twin: the waiter parks again for as long as its flag is unset. */
@Expect(bug = false)
public final class ParkNoLoopFixed {
  static final class LoopingSignal extends ParkNoLoop.Signal {
    LoopingSignal(Thread waiter) {
      super(waiter);
    }

    @Override
    void await() {
      while (!set) LockSupport.park(this);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    ParkNoLoop.raiseOnce(LoopingSignal::new);
  }
}
