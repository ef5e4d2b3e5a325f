package dev.weft.samples.explorer;

/** A counter whose increment is a read then a write of a volatile field: not atomic. */
public final class VolatileCounter {
  private volatile int value;

  public void increment() {
    int read = value;
    value = read + 1;
  }

  public synchronized void incrementAtomically() {
    value = value + 1;
  }

  public int get() {
    return value;
  }

  /** Two threads increment once each; the total must be 2. */
  public static void race(boolean atomic) throws InterruptedException {
    VolatileCounter c = new VolatileCounter();
    Runnable inc = atomic ? c::incrementAtomically : c::increment;
    Thread a = new Thread(inc);
    Thread b = new Thread(inc);
    a.start();
    b.start();
    a.join();
    b.join();
    if (c.get() != 2) throw new AssertionError("lost update: expected 2 but was " + c.get());
  }
}
