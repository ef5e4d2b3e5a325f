package dev.weft.samples.cli;

/**
 * Correct: a worker ends the program with status 0 while main waits for it, so main's failure
 * after the join is never reached, as in a real run, where the exit ends the process.
 */
public final class ExitsWhileWorking {
  public static void main(String[] args) throws InterruptedException {
    Thread worker = new Thread(() -> Runtime.getRuntime().exit(0));
    worker.start();
    worker.join();
    throw new AssertionError("unreachable: the worker's exit ended the program");
  }
}
