package dev.weft.samples.cli;

/** Racy: a worker polls a plain stop flag the main thread sets. No interleaving fails. */
public final class PlainStopFlag {
  private static boolean stopped;

  public static void main(String[] args) throws InterruptedException {
    Thread worker = new Thread(() -> {
      while (!stopped) Thread.yield();
    });
    worker.start();
    stopped = true;
    worker.join();
  }
}
