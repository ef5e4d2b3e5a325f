package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/** {@link StopFlagPlain}, fixed: the flag is volatile, so the worker sees the write. */
@Expect(bug = false)
public final class StopFlagVolatile {
  private volatile boolean stopped;

  public static void main(String[] args) throws InterruptedException {
    StopFlagVolatile flag = new StopFlagVolatile();
    Thread worker = new Thread(() -> {
      while (!flag.stopped) Thread.yield();
    });
    worker.start();
    flag.stopped = true;
    worker.join();
  }
}
