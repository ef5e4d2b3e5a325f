package dev.weft.samples.cli;

/**
 * Correct: the static initializer starts a thread and joins it; the thread uses other classes (one
 * of which it initializes itself), never this one, so it runs to completion.
 */
public final class InitializerJoinsWorker {
  static final int RESULT;

  static {
    Worker worker = new Worker();
    Thread thread = new Thread(worker);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    RESULT = worker.result;
  }

  static final class Worker implements Runnable {
    volatile int result;

    @Override
    public void run() {
      result = Table.product();
    }
  }

  static final class Table {
    static final int[] FACTORS = {6, 7};

    static int product() {
      return FACTORS[0] * FACTORS[1];
    }
  }

  public static void main(String[] args) {
    assert RESULT == 42 : "worker computed " + RESULT;
  }
}
