package dev.weft.samples.cli;

import java.util.function.IntSupplier;

/**
 * A real deadlock, in every run: the static initializer joins a thread that calls a static method
 * of the class being initialized through a method reference, which the JVM calls from a class it
 * generates, so that thread waits for the initializer to end, which waits for it.
 */
public final class MethodRefInitDeadlock {
  static {
    Thread caller = new Thread(new Caller());
    caller.start();
    try {
      caller.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static int value() {
    return 42;
  }

  static final class Caller implements Runnable {
    @Override
    public void run() {
      IntSupplier value = MethodRefInitDeadlock::value;
      value.getAsInt();
    }
  }

  public static void main(String[] args) {}
}
