package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import dev.weft.testbench.programs.BufferClearRace.Buffer;

/**
 * {@link BufferClearRace} with the reader holding the buffer's lock across the length and the get,
 * so that no clear can fall between them.
 */
@Expect(bug = false)
public final class BufferClearRaceFixed {
  public static void main(String[] args) throws InterruptedException {
    Buffer buffer = Buffer.full();
    Threads.runConcurrently(() -> {
      synchronized (buffer) {
        buffer.get(buffer.length());
      }
    }, () -> BufferClearRace.refill(buffer));
  }
}
