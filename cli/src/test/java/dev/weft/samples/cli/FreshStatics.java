package dev.weft.samples.cli;

/**
 * Correct only if every execution loads it afresh: the static initializer must have run exactly
 * once for each call of main. A class kept from an earlier execution was initialized once but has
 * seen main before, and fails.
 */
public final class FreshStatics {
  private static int initializations;
  private static volatile int mainCalls;

  static {
    initializations++;
  }

  public static void main(String[] args) throws InterruptedException {
    Thread worker = new Thread(() -> mainCalls++);
    worker.start();
    worker.join();
    assert initializations == 1 && mainCalls == 1
        : "static initializer ran " + initializations + " times for " + mainCalls
            + " calls of main: static state leaked from an earlier execution";
  }
}
