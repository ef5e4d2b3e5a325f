package dev.weft.samples.cli;

/**
 * Correct: two threads race to initialize one class, whose initializer has scheduling points; the
 * one that loses waits until the initializer has ended, and both see it complete.
 */
public final class RacingInitialization {
  public static void main(String[] args) throws InterruptedException {
    Thread a = new Thread(new User());
    Thread b = new Thread(new User());
    a.start();
    b.start();
    a.join();
    b.join();
  }

  static final class User implements Runnable {
    @Override
    public void run() {
      int seen = Config.value;
      assert seen == 42 : "saw a half-initialized class: value " + seen;
    }
  }

  static final class Config {
    static final Object LOCK = new Object();
    static int value;

    static {
      synchronized (LOCK) {
        value = 41;
      }
      synchronized (LOCK) {
        value++;
      }
    }
  }
}
