package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A worker polls a plain {@code boolean} stop flag that the main thread sets. Under the Java memory
 * model nothing makes the write visible to the worker, which may spin forever (the JIT may hoist the
 * read out of the loop); no interleaving shows it, so only race detection finds it.
 */
@Expect(bug = true, kind = FailureKind.DATA_RACE)
public final class StopFlagPlain {
  private boolean stopped;

  public static void main(String[] args) throws InterruptedException {
    StopFlagPlain flag = new StopFlagPlain();
    Thread worker = new Thread(() -> {
      while (!flag.stopped) Thread.yield();
    });
    worker.start();
    flag.stopped = true;
    worker.join();
  }
}
