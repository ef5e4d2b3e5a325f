package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * An order violation: start-up raises the volatile {@code ready} flag before it stores the
 * configuration the flag announces. A request that sees the flag between the two writes uses a
 * configuration that is still null.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class UseBeforeInit {
  static final int PORT = 8080;

  static final class Config {
    final int port;

    Config(int port) {
      this.port = port;
    }
  }

  static class Server {
    volatile boolean ready;
    volatile Config config;

    void start() {
      ready = true;
      config = new Config(PORT);
    }

    void serve() {
      if (ready) {
        int port = config.port; // NullPointerException when start() is half done
        assert port == PORT : "serving on port " + port;
      }
    }
  }

  static void startAndServe(Server server) throws InterruptedException {
    Threads.runConcurrently(server::start, server::serve);
  }

  public static void main(String[] args) throws InterruptedException {
    startAndServe(new Server());
  }
}
