package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link FirstUserInitializes}'s twin: two threads race to use a class whose initializer takes two
 * steps under a lock; whichever runs it, the other waits until it has ended, so both see it
 * complete. The classes are loaded afresh for each execution, so that every execution initializes
 * the class and explores who runs its initializer.
 */
@Expect(bug = false, freshClasses = true)
public final class RacingInitialization {
  public static void main(String[] args) throws InterruptedException {
    Threads.runConcurrently(RacingInitialization::use, RacingInitialization::use);
  }

  private static void use() {
    int seen = Config.VALUE.get();
    assert seen == 42 : "saw a half-initialized class: value " + seen;
  }

  static final class Config {
    static final AtomicInteger VALUE = new AtomicInteger(41);

    static {
      VALUE.incrementAndGet();
    }
  }
}
