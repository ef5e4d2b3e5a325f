package dev.weft.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JUnit 5 tests for {@code weft run --test}; not run by this build's own tests (the class name is
 * not a test's), since only under Weft's scheduler does the lost update show reliably.
 */
public class CounterCases {
  private volatile int count = -1;

  /** Runs in every execution, on a fresh instance: a stale one would start at 2, not 0. */
  @BeforeEach
  void start() {
    assertEquals(-1, count, "a fresh instance");
    count = 0;
  }

  /** Buggy: two threads increment by a read then a write, so one update is lost. */
  @Test
  void lostUpdate() throws InterruptedException {
    twice(() -> {
      int read = count;
      count = read + 1;
    });
    assertEquals(2, count, "lost update");
  }

  /** Correct: each increment holds the instance's lock. */
  @Test
  void lockedIncrements() throws InterruptedException {
    twice(() -> {
      synchronized (this) {
        count++;
      }
    });
    assertEquals(2, count);
  }

  /** Not a test. */
  void helper() {}

  private static void twice(Runnable increment) throws InterruptedException {
    Thread a = new Thread(increment);
    Thread b = new Thread(increment);
    a.start();
    b.start();
    a.join();
    b.join();
  }
}
