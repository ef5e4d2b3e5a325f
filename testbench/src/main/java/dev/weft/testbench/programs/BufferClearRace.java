package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;

/**
 * A reader asks a full buffer for its length, then for that many items; a writer clears the buffer
 * and refills it. Every buffer method is synchronized, but the length and the get are two critical
 * sections: when the clear falls between them and the reader's get comes before the refill ends,
 * the reader asks for more items than there are.
 *
 * <p>The bug has depth 3 in PCT's sense: the reader runs, is preempted, the writer runs one step
 * (the clear) and is preempted, and the reader comes back. A PCT that ranks its change points by
 * position in the execution instead of by draw can never produce that order.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class BufferClearRace {
  static final int CAPACITY = 6;

  /** A buffer of items; every method holds its lock. */
  static final class Buffer {
    private final int[] items = new int[CAPACITY];
    private int count; // guarded by this

    synchronized int length() {
      return count;
    }

    /** The first {@code n} items. */
    synchronized int[] get(int n) {
      assert n <= count : "get(" + n + ") of a buffer holding " + count;
      return Arrays.copyOf(items, n);
    }

    synchronized void clear() {
      count = 0;
    }

    synchronized void add(int item) {
      items[count++] = item;
    }

    /** A buffer holding {@link #CAPACITY} items. */
    static Buffer full() {
      Buffer buffer = new Buffer();
      for (int i = 0; i < CAPACITY; i++) buffer.add(i);
      return buffer;
    }
  }

  /** The writer: clears the buffer and fills it again. */
  static void refill(Buffer buffer) {
    buffer.clear();
    for (int i = 0; i < CAPACITY; i++) buffer.add(100 + i);
  }

  public static void main(String[] args) throws InterruptedException {
    Buffer buffer = Buffer.full();
    Threads.runConcurrently(() -> buffer.get(buffer.length()), () -> refill(buffer));
  }
}
