package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A static initializer that computes its table on a thread of its own and joins it; but the worker
 * reads a static field of the class being initialized, so it waits for the initializer to end,
 * which waits for it: a deadlock through the JVM's class-initialization lock, in every run, which
 * Weft must name with its cycle instead of leaving both threads blocked inside the JVM. The classes
 * are loaded afresh for each execution, so that every execution initializes the class.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK, freshClasses = true)
public final class InitializerJoinsReader {
  static final int SCALE = 6;
  static int product;

  static {
    Thread worker = new Thread(new Multiplier());
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException("unexpected interrupt", e);
    }
  }

  /**
   * The worker's body, in a class of its own: a lambda's body would be a method of the class being
   * initialized, which the JVM calls from a class it generates, where Weft cannot see the use.
   */
  static final class Multiplier implements Runnable {
    @Override
    public void run() {
      product = SCALE * 7;
    }
  }

  public static void main(String[] args) {
    assert product == 42 : "the table holds " + product;
  }
}
