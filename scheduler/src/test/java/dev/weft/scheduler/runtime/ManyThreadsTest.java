package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.assertAllPass;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.firstBug;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.traced;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.strategy.RandomWalk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Executions of many threads, which start, finish and block while others run: which threads can
 * run is still right at every step (the runtime keeps only the unfinished ones in view, and finds a
 * thread by its {@code Thread}), and a seed still gives the same execution.
 */
class ManyThreadsTest {
  private static final int THREADS = 120; // past the step log's one-word enabled set, and more

  static final class Counter {
    int value; // "volatile": each access is preceded by its hook
  }

  static final class LockA {}

  static final class LockB {}

  /** Threads that each increment a counter without a lock, started in two waves, joined. */
  private static Task increments(int threads) {
    return () -> {
      Counter c = new Counter();
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        started.add(start("inc-" + i, () -> {
          read(c);
          int v = c.value;
          write(c);
          c.value = v + 1;
        }));
        if (i == threads / 2) join(started.get(0)); // the first finishes while others run
      }
      for (int i = started.size() - 1; i >= 0; i--) join(started.get(i));
      if (c.value != threads) throw new AssertionError("lost update: value is " + c.value);
    };
  }

  @Test
  void aLostUpdateAmongManyThreadsIsFoundAndReplays() {
    ExecutionResult r = firstBug(config(), new RandomWalk(), 50, increments(THREADS));

    assertNotNull(r, "no lost update among " + THREADS + " threads in 50 executions");
    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertTrue(r.report().startsWith("T0 threw java.lang.AssertionError: lost update"), r.report());
    assertReplays(config(), r, increments(THREADS));
  }

  @Test
  void aSeedGivesTheSameExecutionOfManyThreads() {
    for (int i = 0; i < 5; i++) {
      ExecutionResult a = Scheduler.execute(traced(), new RandomWalk(), seed(i),
          increments(THREADS));
      ExecutionResult b = Scheduler.execute(traced(), new RandomWalk(), seed(i),
          increments(THREADS));
      assertEquals(a.outcome(), b.outcome(), b.report());
      assertEquals(a.choices(), b.choices(), "choices of seed " + i);
      assertEquals(a.fingerprint(), b.fingerprint(), "fingerprint of seed " + i);
      assertEquals(a.trace().toString(), b.trace().toString(), "trace of seed " + i);
      assertArrayEquals(a.stepLog().toArray(), b.stepLog().toArray(), "step log of seed " + i);
      assertTrue(a.steps() > 4 * THREADS, "every thread took its steps: " + a.steps());
    }
  }

  @Test
  void aDeadlockAfterManyThreadsFinishedIsFound() {
    Task program = () -> {
      Counter c = new Counter();
      List<Thread> done = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) done.add(start("w-" + i, () -> write(c)));
      for (Thread t : done) join(t);
      LockA a = new LockA();
      LockB b = new LockB();
      Thread ab = start("ab", () -> locked(a, () -> locked(b, () -> {})));
      Thread ba = start("ba", () -> locked(b, () -> locked(a, () -> {})));
      join(ab);
      join(ba);
    };
    ExecutionResult r = firstBug(config(), new RandomWalk(), 300, program);

    assertNotNull(r, "no deadlock in 300 random executions");
    assertEquals(Outcome.DEADLOCK, r.outcome(), r.report());
    assertTrue(r.report().contains("(ab) holds LockA#1"), r.report());
    assertTrue(r.report().contains("(ba) holds LockB#1"), r.report());
    assertReplays(config(), r, program);
  }

  @Test
  void manyThreadsThatLockTheirUpdatesAlwaysPass() {
    Task program = () -> {
      Counter c = new Counter();
      Object lock = new Object();
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        started.add(start("inc-" + i, () -> locked(lock, () -> c.value++)));
      }
      for (Thread t : started) join(t);
      if (c.value != THREADS) throw new AssertionError("lost update: value is " + c.value);
    };
    assertAllPass(config(), new RandomWalk(), 20, program);
  }
}
