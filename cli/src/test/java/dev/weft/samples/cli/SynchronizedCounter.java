package dev.weft.samples.cli;

/** The correct twin of {@link LostUpdate}: the increment is synchronized, so no update is lost. */
public final class SynchronizedCounter {
  private static int count;

  public static void main(String[] args) throws InterruptedException {
    Thread a = new Thread(SynchronizedCounter::increment);
    Thread b = new Thread(SynchronizedCounter::increment);
    a.start();
    b.start();
    a.join();
    b.join();
    assert count == 2 : "lost update: expected 2 but was " + count;
  }

  private static synchronized void increment() {
    count = count + 1;
  }
}
