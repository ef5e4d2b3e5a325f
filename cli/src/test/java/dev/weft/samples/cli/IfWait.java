package dev.weft.samples.cli;

/** A waiter that checks its condition with {@code if}: only a spurious wakeup makes it fail. */
public final class IfWait {
  private static boolean ready;

  public static void main(String[] args) throws InterruptedException {
    Object lock = new Object();
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          if (!ready) lock.wait();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        if (!ready) throw new AssertionError("woke with nothing ready");
      }
    });
    waiter.start();
    synchronized (lock) {
      ready = true;
      lock.notifyAll();
    }
    waiter.join();
  }
}
