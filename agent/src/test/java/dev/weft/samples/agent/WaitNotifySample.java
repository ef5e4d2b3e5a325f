package dev.weft.samples.agent;

/** Guarded waits and notifications. */
public class WaitNotifySample {
  private final Object lock = new Object();
  private boolean ready;
  private int value;

  int awaitValue() throws InterruptedException {
    synchronized (lock) {
      while (!ready) {
        lock.wait(); // @line:wait
      }
      return value;
    }
  }

  void publish(int v, boolean all) {
    synchronized (lock) {
      value = v;
      ready = true;
      if (all) {
        lock.notifyAll();
      } else {
        lock.notify();
      }
    }
  }

  /** A consumer thread waits for the value this thread publishes. */
  public static int handOff(boolean all) throws InterruptedException {
    WaitNotifySample sample = new WaitNotifySample();
    int[] seen = new int[1];
    Thread consumer =
        new Thread(
            () -> {
              try {
                seen[0] = sample.awaitValue();
              } catch (InterruptedException e) {
                seen[0] = -1;
              }
            });
    consumer.start();
    sample.publish(42, all);
    consumer.join();
    return seen[0];
  }

  /** Timed waits that nobody notifies return by themselves; waiting on {@code this} too. */
  public static boolean timedWaits() throws InterruptedException {
    WaitNotifySample sample = new WaitNotifySample();
    synchronized (sample) {
      sample.wait(5);
      sample.wait(1, 500);
    }
    return true;
  }

  /** Without the monitor, wait and notify still throw IllegalMonitorStateException. */
  public static int withoutMonitor() throws InterruptedException {
    int thrown = 0;
    Object o = new Object();
    try {
      o.wait();
    } catch (IllegalMonitorStateException expected) {
      thrown++;
    }
    try {
      o.notify();
    } catch (IllegalMonitorStateException expected) {
      thrown++;
    }
    return thrown;
  }
}
