package dev.weft.samples.cli;

/** Buggy: two threads increment a volatile counter by a read then a write, so one update is lost. */
public final class LostUpdate {
  private static volatile int count;

  public static void main(String[] args) throws InterruptedException {
    Thread a = new Thread(LostUpdate::increment);
    Thread b = new Thread(LostUpdate::increment);
    a.start();
    b.start();
    a.join();
    b.join();
    assert count == 2 : "lost update: expected 2 but was " + count;
  }

  private static void increment() {
    int read = count;
    count = read + 1;
  }
}
