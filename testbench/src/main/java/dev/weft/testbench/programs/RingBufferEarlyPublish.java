package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A ring buffer whose producer advances the volatile tail index before it writes the item into the
 * cell. A consumer that polls between the two writes sees the new tail and takes the cell's old
 * content: 0 on the first lap, an item it already took on later laps.
 *
 * <p>Size: items offered ({@code args[0]}, default 3).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class RingBufferEarlyPublish {
  static class EarlyPublishRing extends SpscRing {
    @Override
    boolean offer(int item) {
      int t = tail;
      if (t - head == CAPACITY) return false;
      tail = t + 1; // published before the item is in its cell
      store(t, item);
      return true;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SpscRing.transfer(new EarlyPublishRing(), args);
  }
}
