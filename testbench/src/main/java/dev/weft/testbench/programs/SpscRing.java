package dev.weft.testbench.programs;

/**
 * A single-producer, single-consumer ring of capacity 2 with volatile head and tail indices, as in
 * Lamport's lock-free queue; subclasses decide how {@code offer} publishes an item, which is where
 * {@link RingBufferEarlyPublish} and its twins differ. Each cell is volatile too, so that a write
 * of an item is a scheduling point of its own.
 *
 * <p>The driver is bounded, so that no schedule can spin forever: the producer offers items 1..n
 * once each and drops those that find the ring full; the consumer polls n times and skips empty
 * polls. Whatever it receives must be increasing: a 0 is a cell never written, and an older item
 * is a cell not yet overwritten.
 */
abstract class SpscRing {
  static final int CAPACITY = 2;
  static final int EMPTY = -1;

  private static final class Cell {
    volatile int item; // 0 until first written
  }

  private final Cell[] cells = {new Cell(), new Cell()};
  volatile int head; // the next index to take; written by the consumer only
  volatile int tail; // the next index to fill; written by the producer only

  /** Producer only: stores {@code item} and returns true, or returns false when full. */
  abstract boolean offer(int item);

  /** Consumer only: the oldest item, or {@link #EMPTY}. */
  int poll() {
    int h = head;
    if (h == tail) return EMPTY;
    int item = cells[h % CAPACITY].item;
    head = h + 1;
    return item;
  }

  final void store(int index, int item) {
    cells[index % CAPACITY].item = item;
  }

  static void transfer(SpscRing ring, String[] args) throws InterruptedException {
    int items = Args.size(args, 0, 3);
    Threads.runConcurrently(
        () -> {
          for (int i = 1; i <= items; i++) ring.offer(i);
        },
        () -> {
          int last = 0;
          for (int i = 0; i < items; i++) {
            int item = ring.poll();
            if (item == EMPTY) continue;
            assert item > last : "received " + item + " after " + last;
            last = item;
          }
        });
  }
}
