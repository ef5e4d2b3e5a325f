package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link FutureCallbackDeadlock}'s twin: main lets go of the cart's lock while it waits for the
 * callback, and takes it back after, so the callback can run on whichever thread completes the
 * lookup.
 */
@Expect(bug = false)
public final class FutureCallbackDeadlockFixed {
  public static void main(String[] args) throws InterruptedException {
    FutureCallbackDeadlock.shop((cart, added) -> {
      cart.lock.unlock();
      try {
        added.join();
      } finally {
        cart.lock.lock();
      }
    });
  }
}
