package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link IfWaitSpurious}'s twin: the waiter checks its condition again after every wakeup. */
@Expect(bug = false)
public final class IfWaitSpuriousFixed {
  static final class WhileReady extends IfWaitSpurious.Ready {
    @Override
    synchronized void await() throws InterruptedException {
      while (!isReady()) wait();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    IfWaitSpurious.signalOnce(new WhileReady());
  }
}
