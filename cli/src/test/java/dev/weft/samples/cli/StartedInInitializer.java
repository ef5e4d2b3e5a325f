package dev.weft.samples.cli;

/**
 * Correct: the static initializer starts a thread that reads the class's state. The JVM makes that
 * thread wait until the initializer has ended, so it always sees 42. Under Weft it must wait for
 * the initializer in the model: waiting inside the JVM while holding the turn, it would be stuck.
 */
public final class StartedInInitializer {
  static final Thread READER;
  static int value;

  static {
    READER = new Thread(new Reader());
    READER.start();
    synchronized (StartedInInitializer.class) { // a scheduling point while the class is initialized
      value = 41;
    }
    value++;
  }

  static final class Reader implements Runnable {
    @Override
    public void run() {
      int seen = StartedInInitializer.value;
      assert seen == 42 : "saw a half-initialized class: value " + seen;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    READER.join();
  }
}
