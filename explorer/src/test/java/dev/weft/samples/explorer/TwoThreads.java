package dev.weft.samples.explorer;

/** Runs two tasks on two threads and waits for both. */
final class TwoThreads {
  private TwoThreads() {}

  static void run(Runnable a, Runnable b) throws InterruptedException {
    Thread ta = new Thread(a);
    Thread tb = new Thread(b);
    ta.start();
    tb.start();
    ta.join();
    tb.join();
  }
}
