package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Cancellation by interrupt, with the interrupt swallowed. A worker takes tasks from an inbox until
 * it is interrupted, and ignores the {@link InterruptedException} that {@code wait} throws. The
 * exception clears the interrupt flag, so an interrupt that lands while the worker waits (or is
 * about to) is lost: the worker checks its flag, finds it clear, and waits for a task that never
 * comes, while main waits in {@code join} for the worker: a deadlock. An interrupt that lands just
 * before the worker checks its flag stops it.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class SwallowedInterrupt {
  static final class Inbox {
    private int tasks; // guarded by this

    synchronized void submit() {
      tasks++;
      notifyAll();
    }

    synchronized void take() throws InterruptedException {
      while (tasks == 0) wait();
      tasks--;
    }
  }

  /** What the worker does when {@code take} is interrupted. */
  interface OnInterrupt {
    void handle(InterruptedException e);
  }

  static void cancel(OnInterrupt onInterrupt) throws InterruptedException {
    Inbox inbox = new Inbox();
    Thread worker = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          inbox.take();
        } catch (InterruptedException e) {
          onInterrupt.handle(e);
        }
      }
    }, "worker");
    worker.start();
    inbox.submit();
    worker.interrupt();
    worker.join();
  }

  public static void main(String[] args) throws InterruptedException {
    cancel(e -> {
      // swallowed: the flag is now clear, and the loop goes on
    });
  }
}
