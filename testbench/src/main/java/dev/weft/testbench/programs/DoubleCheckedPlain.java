package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Double-checked locking on a plain field: the first check reads the field outside the lock, so a
 * thread may see the reference before the object's fields are written (the JIT and the CPU may
 * reorder the constructor's writes after the publication). Every interleaving computes the right
 * value, so only race detection finds it.
 */
@Expect(bug = true, kind = FailureKind.DATA_RACE)
public final class DoubleCheckedPlain {
  private static final class Config {
    int port;

    Config() {
      port = 8080;
    }
  }

  private Config config;

  private Config get() {
    if (config == null) {
      synchronized (this) {
        if (config == null) config = new Config();
      }
    }
    return config;
  }

  public static void main(String[] args) throws InterruptedException {
    DoubleCheckedPlain holder = new DoubleCheckedPlain();
    int[] ports = new int[2];
    Threads.runConcurrently(() -> ports[0] = holder.get().port, () -> ports[1] = holder.get().port);
    assert ports[0] == 8080 && ports[1] == 8080 : "saw port " + ports[0] + " and " + ports[1];
  }
}
