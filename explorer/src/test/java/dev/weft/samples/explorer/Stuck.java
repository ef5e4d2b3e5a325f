package dev.weft.samples.explorer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/** A worker blocks reading a pipe nobody writes: I/O, which Weft does not control. */
public final class Stuck {
  private Stuck() {}

  public static void waitForever() throws InterruptedException, IOException {
    Pipe pipe = Pipe.open();
    Thread worker = new Thread(() -> {
      try {
        pipe.source().read(ByteBuffer.allocate(1));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }, "waiter");
    worker.start();
    worker.join();
  }
}
