package dev.weft.samples.cli;

/**
 * A real deadlock, in every run: the static initializer joins a thread that writes a static field of
 * the class being initialized, so that thread waits for the initializer to end, which waits for it.
 */
public final class ClassInitDeadlock {
  static int value;

  static {
    Thread setter = new Thread(new Setter());
    setter.start();
    try {
      setter.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static final class Setter implements Runnable {
    @Override
    public void run() {
      ClassInitDeadlock.value = 42;
    }
  }

  public static void main(String[] args) {
    assert value == 42;
  }
}
