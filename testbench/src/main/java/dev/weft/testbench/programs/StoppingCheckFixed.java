package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link StoppingCheck} with the flag read and written under the lock that guards the shutdown, so
 * the main thread's check and its act see one state.
 */
@Expect(bug = false)
public final class StoppingCheckFixed {
  private boolean stopping; // guarded by this
  private boolean shutDown; // guarded by this

  public static void main(String[] args) throws InterruptedException {
    StoppingCheckFixed service = new StoppingCheckFixed();
    Thread worker = new Thread(() -> {
      synchronized (service) {
        service.stopping = true;
        service.shutDown = true;
      }
    });
    worker.start();
    synchronized (service) {
      assert service.stopping || !service.shutDown : "acted on a service that was already shut down";
    }
    worker.join();
  }
}
