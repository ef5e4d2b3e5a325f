package dev.weft.samples.property;

/** Bounded buffers of ints for the producer/consumer example: one checks then acts, one locks. */
public final class Buffers {
  private Buffers() {}

  /** A buffer of at most {@link #CAPACITY} ints that never blocks. */
  public interface Buffer {
    int CAPACITY = 2;

    /** Adds {@code item} and gives true, or gives false when full. */
    boolean offer(int item);

    /** Takes the last item added, or gives null when empty. */
    Integer poll();

    int size();
  }

  /**
   * Checks the count, then acts on it in separate steps: two producers that both see room write the
   * same slot (an item is lost), two consumers that both see an item take the same one.
   */
  public static class CheckThenAct implements Buffer {
    private final int[] items = new int[CAPACITY];
    private volatile int count;

    @Override
    public boolean offer(int item) {
      if (count >= CAPACITY) return false;
      items[count] = item;
      count = count + 1;
      return true;
    }

    @Override
    public Integer poll() {
      if (count == 0) return null;
      int last = count - 1;
      int item = items[last];
      count = last;
      return item;
    }

    @Override
    public int size() {
      return count;
    }
  }

  /** The same steps under the buffer's lock. */
  public static final class Locked extends CheckThenAct {
    @Override
    public synchronized boolean offer(int item) {
      return super.offer(item);
    }

    @Override
    public synchronized Integer poll() {
      return super.poll();
    }

    @Override
    public synchronized int size() {
      return super.size();
    }
  }
}
