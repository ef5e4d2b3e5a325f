package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * The main thread starts a worker, reads a plain {@code stopping} flag, then takes the lock to act
 * on what it read; the worker sets the flag, then takes the same lock to shut down. When the main
 * thread reads the flag before the worker sets it, and the worker takes the lock first, the main
 * thread acts on a stale "not stopping" after the shutdown. The bug needs the worker's very first
 * instruction to come after its parent's read: a search that lets a new thread run on to its first
 * lock never sees it.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class StoppingCheck {
  private boolean stopping;
  private boolean shutDown; // guarded by this

  public static void main(String[] args) throws InterruptedException {
    StoppingCheck service = new StoppingCheck();
    Thread worker = new Thread(() -> {
      service.stopping = true;
      synchronized (service) {
        service.shutDown = true;
      }
    });
    worker.start();
    boolean stopping = service.stopping;
    synchronized (service) {
      assert stopping || !service.shutDown : "acted on a service that was already shut down";
    }
    worker.join();
  }
}
