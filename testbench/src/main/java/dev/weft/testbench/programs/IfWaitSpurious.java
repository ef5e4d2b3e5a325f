package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A waiter that checks its condition once, with {@code if}, before it waits. Its only notifier sets
 * the condition before it notifies, so no interleaving of notifications breaks it; but {@code
 * wait} may return with no notify at all (a spurious wakeup, JLS 17.2.1), and then the waiter goes
 * on with the condition unset.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class IfWaitSpurious {
  static class Ready {
    private boolean ready; // guarded by this

    synchronized void await() throws InterruptedException {
      if (!ready) wait();
      if (!ready) throw new AssertionError("woke with nothing ready");
    }

    final synchronized void signal() {
      ready = true;
      notifyAll();
    }

    final synchronized boolean isReady() {
      return ready;
    }
  }

  static void signalOnce(Ready ready) throws InterruptedException {
    Threads.startAndJoin(Threads.named("waiter", ready::await),
        Threads.named("signaller", ready::signal));
  }

  public static void main(String[] args) throws InterruptedException {
    signalOnce(new Ready());
  }
}
