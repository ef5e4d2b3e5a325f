package dev.weft.testbench.scale;

/**
 * N writer threads (the first argument, default 2) each write two volatile fields, and one reader
 * reads both, all joined. Every write is of the writer's own number, so whatever the order the
 * reader sees numbers that some writer wrote.
 */
public final class VolatileWriters {
  private volatile int first;
  private volatile int second;

  private VolatileWriters() {}

  public static void main(String[] args) throws InterruptedException {
    int writers = ThreadCount.of(args);
    VolatileWriters fields = new VolatileWriters();
    Thread[] threads = new Thread[writers + 1];
    for (int i = 0; i < writers; i++) {
      int number = i + 1;
      threads[i] = new Thread(() -> {
        fields.first = number;
        fields.second = number;
      });
    }
    int[] seen = new int[2];
    threads[writers] = new Thread(() -> {
      seen[0] = fields.first;
      seen[1] = fields.second;
    });
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
    assert seen[0] <= writers && seen[1] <= writers : "read a number no writer wrote";
  }
}
