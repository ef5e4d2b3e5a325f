package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Cancellation by interrupt with a polling worker, and the interrupt swallowed: the worker checks
 * its interrupt flag between naps and ignores the {@link InterruptedException} a nap throws. {@code
 * sleep} clears the flag when it throws, so an interrupt that lands while the worker is about to
 * nap is lost and the worker naps forever, while main waits in {@code join}: the worker keeps
 * running without progress, a livelock, reported when the (small) step bound is reached. An
 * interrupt that lands just before the flag check stops the worker. Compare {@link
 * SwallowedInterrupt}, where the worker blocks instead and the same mistake deadlocks.
 *
 * <p>The step bound is small because a correct run takes about ten steps: 2,000 steps can only be
 * the worker napping on after the interrupt.
 */
@Expect(bug = true, kind = FailureKind.LIVELOCK, maxSteps = 2_000)
public final class SleepingWorkerSwallowsInterrupt {
  /** What the worker does with an interrupted nap. */
  interface OnInterrupt {
    void handle(InterruptedException e);
  }

  static void cancel(OnInterrupt onInterrupt) throws InterruptedException {
    Thread worker = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          onInterrupt.handle(e);
        }
      }
    }, "worker");
    worker.start();
    worker.interrupt();
    worker.join();
  }

  public static void main(String[] args) throws InterruptedException {
    cancel(e -> {
      // swallowed: the flag is now clear, and the loop goes on
    });
  }
}
