package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link InitializerJoinsReader}'s twin: the worker the static initializer starts and joins uses
 * another class, never the one being initialized, so it runs to completion; the initializing
 * thread waits for it in Weft's model, not inside the JVM while it holds the turn.
 */
@Expect(bug = false, freshClasses = true)
public final class InitializerJoinsWorker {
  static final int PRODUCT;

  static {
    Multiplier multiplier = new Multiplier();
    Thread worker = new Thread(multiplier);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException("unexpected interrupt", e);
    }
    PRODUCT = multiplier.product;
  }

  /** The worker's body, in a class of its own, as {@link InitializerJoinsReader}'s is. */
  static final class Multiplier implements Runnable {
    volatile int product;

    @Override
    public void run() {
      product = Factors.SCALE * 7;
    }
  }

  /** The worker's input, in a class of its own, which the worker initializes. */
  static final class Factors {
    static final int SCALE = Integer.parseInt("6");
  }

  public static void main(String[] args) {
    assert PRODUCT == 42 : "the table holds " + PRODUCT;
  }
}
