package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link RingBufferEarlyPublish}'s lock-free twin (Lamport's queue): the producer writes the item,
 * then advances the tail, so a tail the consumer sees always covers a written cell; and it reads
 * the head before reusing a cell, so it never overwrites one the consumer has not taken.
 *
 * <p>Size: items offered ({@code args[0]}, default 3).
 */
@Expect(bug = false)
public final class RingBufferLockFree {
  static final class LamportRing extends SpscRing {
    @Override
    boolean offer(int item) {
      int t = tail;
      if (t - head == CAPACITY) return false;
      store(t, item);
      tail = t + 1;
      return true;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SpscRing.transfer(new LamportRing(), args);
  }
}
