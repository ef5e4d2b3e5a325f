package dev.weft.samples.explorer;

/** Programs with more threads than a 64-bit mask has bits: a hundred workers on one counter. */
public final class ManyThreads {
  public static final int WORKERS = 100;

  private int count; // guarded by this

  private ManyThreads() {}

  private synchronized void increment() {
    count++;
  }

  private synchronized int count() {
    return count;
  }

  private static Thread[] startWorkers(ManyThreads counter) {
    Thread[] workers = new Thread[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
      workers[i] = new Thread(counter::increment);
      workers[i].start();
    }
    return workers;
  }

  /** Correct: every worker is joined before the count is read. */
  public static void joinThenCount() throws InterruptedException {
    ManyThreads counter = new ManyThreads();
    for (Thread t : startWorkers(counter)) t.join();
    assert counter.count() == WORKERS : "lost an increment: " + counter.count();
  }

  /** Buggy: the count is read before the workers are joined, so some may not have run yet. */
  public static void countBeforeJoin() throws InterruptedException {
    ManyThreads counter = new ManyThreads();
    Thread[] workers = startWorkers(counter);
    int seen = counter.count();
    assert seen == WORKERS : "counted " + seen + " of " + WORKERS + " before joining";
    for (Thread t : workers) t.join();
  }
}
