package dev.weft.samples.cli;

/**
 * A real deadlock, in every run: the static initializer joins a thread that loads the class being
 * initialized with {@code Class.forName}, so that thread waits for the initializer to end, which
 * waits for it.
 */
public final class ReflectiveInitDeadlock {
  static {
    Thread loader = new Thread(new Loader());
    loader.start();
    try {
      loader.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static final class Loader implements Runnable {
    @Override
    public void run() {
      try {
        Class.forName(ReflectiveInitDeadlock.class.getName());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
  }

  public static void main(String[] args) {}
}
