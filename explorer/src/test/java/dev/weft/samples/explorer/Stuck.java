package dev.weft.samples.explorer;

import java.io.IOException;
import java.io.InputStream;

/**
 * A worker blocks reading the output of a process that writes nothing: a file descriptor read that
 * Weft does not control, on every JDK (unlike a pipe or socket channel's, which it models).
 */
public final class Stuck {
  private Stuck() {}

  /** Reads {@code silent}, which gives nothing until its process ends. */
  public static void waitFor(InputStream silent) throws InterruptedException {
    Thread worker = new Thread(() -> {
      try {
        silent.read();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, "waiter");
    worker.start();
    worker.join();
  }
}
