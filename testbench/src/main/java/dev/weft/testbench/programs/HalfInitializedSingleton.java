package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Broken double-checked locking that stays broken with a volatile reference: the creator publishes
 * the new settings object and only then configures it. A second caller takes the unsynchronized
 * fast path, sees the reference, and reads the port before it is set.
 *
 * <p>The port is volatile so that its write is a scheduling point: Weft then shows the window
 * between publication and configuration. (With a plain field the same bug exists, but no scheduling
 * point separates the two writes.)
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class HalfInitializedSingleton {
  static final int PORT = 8080;

  static final class Settings {
    volatile int port; // 0 until configured
  }

  static class Registry {
    private final Object lock = new Object();
    volatile Settings instance;

    Settings get() {
      Settings s = instance;
      if (s != null) return s; // the fast path: no lock
      synchronized (lock) {
        if (instance == null) create();
        return instance;
      }
    }

    void create() {
      Settings s = new Settings();
      instance = s; // published half-initialized
      s.port = PORT;
    }
  }

  static void getConcurrently(Registry registry) throws InterruptedException {
    Threads.Body user = () -> {
      int port = registry.get().port;
      assert port == PORT : "half-initialized singleton: port is " + port;
    };
    Threads.runConcurrently(user, user);
  }

  public static void main(String[] args) throws InterruptedException {
    getConcurrently(new Registry());
  }
}
