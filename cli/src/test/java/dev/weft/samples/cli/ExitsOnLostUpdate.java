package dev.weft.samples.cli;

/**
 * Buggy: two threads increment a volatile counter by a read then a write, and main exits with
 * status 1 when an update was lost, as a command-line tool reports an error. Line 18 is the exit.
 */
public final class ExitsOnLostUpdate {
  private static volatile int count;

  public static void main(String[] args) throws InterruptedException {
    Thread a = new Thread(ExitsOnLostUpdate::increment);
    Thread b = new Thread(ExitsOnLostUpdate::increment);
    a.start();
    b.start();
    a.join();
    b.join();
    if (count != 2) {
      System.exit(1);
    }
  }

  private static void increment() {
    int read = count;
    count = read + 1;
  }
}
