package dev.weft.testbench.programs;

/**
 * A buffer of capacity one, without its waiting: subclasses decide how {@code put} and {@code take}
 * wait, which is where {@link MissedNotification}, {@link NotifyWrongWaiter} and their twins
 * differ. Every method is called with the buffer's monitor held. Removing from the empty buffer
 * throws {@link ArrayIndexOutOfBoundsException}, which is how the bug shows.
 */
abstract class OneSlotBuffer {
  private final int[] slot = new int[1];
  private int size; // guarded by this

  abstract void put(int item) throws InterruptedException;

  abstract int take() throws InterruptedException;

  final boolean isEmpty() {
    return size == 0;
  }

  final boolean isFull() {
    return size == slot.length;
  }

  final void insert(int item) {
    slot[size++] = item;
  }

  final int remove() {
    return slot[--size];
  }

  /** Two producers put one item each while two consumers take one each. */
  static void exchangeTwoItems(OneSlotBuffer buffer) throws InterruptedException {
    Threads.runConcurrently(
        () -> buffer.put(1), () -> buffer.put(2), buffer::take, buffer::take);
  }

  /** One producer puts {@code consumers} items while each of {@code consumers} takes one. */
  static void oneProducerManyConsumers(OneSlotBuffer buffer, int consumers)
      throws InterruptedException {
    Threads.Body[] bodies = new Threads.Body[consumers + 1];
    bodies[0] = () -> {
      for (int i = 1; i <= consumers; i++) buffer.put(i);
    };
    for (int i = 1; i <= consumers; i++) bodies[i] = buffer::take;
    Threads.runConcurrently(bodies);
  }
}
