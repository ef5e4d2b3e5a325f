package dev.weft.samples.explorer;

/**
 * Not deterministic under a fixed schedule: a static counter carries over from run to run, and
 * sets how many writes the worker makes. Every run then fails, so each replay meets a different
 * program.
 */
public final class LeftoverState {
  private static int runs;
  private volatile int value;

  private LeftoverState() {}

  public static void run() throws InterruptedException {
    LeftoverState s = new LeftoverState();
    int writes = runs++ % 3 + 1;
    Thread worker = new Thread(() -> {
      for (int i = 0; i < writes; i++) s.value = i;
    });
    worker.start();
    worker.join();
    throw new AssertionError("always fails, after " + writes + " writes");
  }
}
