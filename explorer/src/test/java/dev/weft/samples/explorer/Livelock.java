package dev.weft.samples.explorer;

/** Two threads each wait for a flag only the other would raise after its own wait: forever. */
public final class Livelock {
  private volatile boolean first;
  private volatile boolean second;

  private Livelock() {}

  public static void run() throws InterruptedException {
    Livelock l = new Livelock();
    Thread a = new Thread(() -> {
      while (!l.second) {
        Thread.yield();
      }
      l.first = true;
    });
    Thread b = new Thread(() -> {
      while (!l.first) {
        Thread.yield();
      }
      l.second = true;
    });
    a.start();
    b.start();
    a.join();
    b.join();
  }
}
