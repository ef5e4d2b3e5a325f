package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/** {@link DoubleCheckedPlain}, fixed: the field is volatile, so publication orders the writes. */
@Expect(bug = false)
public final class DoubleCheckedVolatile {
  private static final class Config {
    int port;

    Config() {
      port = 8080;
    }
  }

  private volatile Config config;

  private Config get() {
    Config c = config;
    if (c == null) {
      synchronized (this) {
        c = config;
        if (c == null) {
          c = new Config();
          config = c;
        }
      }
    }
    return c;
  }

  public static void main(String[] args) throws InterruptedException {
    DoubleCheckedVolatile holder = new DoubleCheckedVolatile();
    int[] ports = new int[2];
    Threads.runConcurrently(() -> ports[0] = holder.get().port, () -> ports[1] = holder.get().port);
    assert ports[0] == 8080 && ports[1] == 8080 : "saw port " + ports[0] + " and " + ports[1];
  }
}
