package dev.weft.samples.cli;

/**
 * Buggy: {@link LostUpdate} that says what each thread read, so that an execution's output tells
 * which interleaving it ran: both read 0 only in the failing ones.
 */
public final class PrintingLostUpdate {
  private static volatile int count;

  public static void main(String[] args) throws InterruptedException {
    System.out.println("main starts");
    Thread a = new Thread(PrintingLostUpdate::increment);
    Thread b = new Thread(PrintingLostUpdate::increment);
    a.start();
    b.start();
    a.join();
    b.join();
    System.err.println("main ends with " + count);
    assert count == 2 : "lost update: expected 2 but was " + count;
  }

  private static void increment() {
    int read = count;
    System.out.println("read " + read);
    count = read + 1;
  }
}
