package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link RingBufferEarlyPublish}'s synchronized twin: the same offer, in the same wrong order, but
 * {@code offer} and {@code poll} hold the ring's monitor, so a poll never sees the tail moved
 * without the item.
 */
@Expect(bug = false)
public final class RingBufferFixed {
  static final class SynchronizedRing extends RingBufferEarlyPublish.EarlyPublishRing {
    @Override
    synchronized boolean offer(int item) {
      return super.offer(item);
    }

    @Override
    synchronized int poll() {
      return super.poll();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SpscRing.transfer(new SynchronizedRing(), args);
  }
}
