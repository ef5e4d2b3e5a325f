package dev.weft.samples.cli;

/**
 * A real deadlock, in every run: the static initializer joins a thread whose body is a lambda
 * written in the class being initialized, a static method of that class, which the JVM calls from a
 * class it generates; the thread waits for the initializer to end, which waits for it.
 */
public final class LambdaInInitializerDeadlock {
  static {
    Thread worker = new Thread(() -> { });
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public static void main(String[] args) {}
}
