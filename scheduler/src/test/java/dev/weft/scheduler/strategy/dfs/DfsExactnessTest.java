package dev.weft.scheduler.strategy.dfs;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.Strategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DPOR explores exactly one execution per Mazurkiewicz trace on programs whose trace count is known
 * by hand, and plain DFS (no reduction) strictly more.
 */
class DfsExactnessTest {
  private static final int CAP = 200_000;

  /** What a whole search did. */
  record Search(int complete, int pruned, int bugs, boolean exhausted) {}

  static Search search(Strategy strategy, Task program) {
    return search(strategy, program, CAP);
  }

  /** Searches until the strategy is done or {@code maxComplete} complete executions ran. */
  static Search search(Strategy strategy, Task program, int maxComplete) {
    int complete = 0;
    int pruned = 0;
    int bugs = 0;
    while (strategy.hasNextExecution() && complete < maxComplete && complete + pruned < CAP) {
      ExecutionResult r = Scheduler.execute(config(), strategy, 0, program);
      if (r.outcome() == Outcome.PRUNED) {
        pruned++;
      } else {
        complete++;
        if (r.outcome().isBug()) bugs++;
      }
    }
    return new Search(complete, pruned, bugs, !strategy.hasNextExecution());
  }

  private static Search dpor(Task program) {
    return search(new Dfs(true, -1, false), program);
  }

  /** Plain DFS, stopped as soon as it has done more complete executions than {@code than}. */
  private static Search plainBeyond(Task program, int than) {
    return search(new Dfs(false, -1, false), program, than + 1);
  }

  /** Runs {@code bodies} on threads started and joined by the body thread. */
  private static Task threads(Task... bodies) {
    return () -> {
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < bodies.length; i++) started.add(start("t" + i, bodies[i]));
      for (Thread t : started) join(t);
    };
  }

  private static void assertExact(int traces, Task program) {
    Search reduced = dpor(program);
    assertTrue(reduced.exhausted(), "DPOR finished");
    assertEquals(traces, reduced.complete(), "complete executions under DPOR: " + reduced);
    Search full = plainBeyond(program, reduced.complete());
    assertEquals(0, full.pruned(), "plain DFS prunes nothing");
    assertTrue(full.complete() > reduced.complete(),
        "plain DFS explores strictly more: " + full + " vs " + reduced);
  }

  /** Fingerprints of every complete execution of plain DFS, which visits every interleaving. */
  private static Set<Long> classesOfAllInterleavings(Task program) {
    Dfs plain = new Dfs(false, -1, false);
    Set<Long> classes = new HashSet<>();
    while (plain.hasNextExecution()) {
      classes.add(Scheduler.execute(config(), plain, 0, program).fingerprint());
    }
    return classes;
  }

  @Test
  void fingerprintsCountInterleavingClassesExactly() {
    Object x = new Object();
    Object y = new Object();
    Task increment = () -> {
      read(x);
      write(x);
    };
    assertEquals(4, classesOfAllInterleavings(threads(increment, increment)).size());
    assertEquals(3, classesOfAllInterleavings(threads(() -> {
      write(x);
      read(y);
    }, () -> {
      write(y);
      read(x);
    })).size());
    assertEquals(1, classesOfAllInterleavings(threads(() -> write(x), () -> write(y))).size());
  }

  @Test
  void writersOfDistinctVariablesHaveOneTrace() {
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    assertExact(1, threads(() -> write(a), () -> write(b), () -> write(c)));
  }

  @Test
  void twoUnsynchronizedIncrementsHaveFourTraces() {
    // r1 w1 | r2 w2 on one variable: the orders of (r1,w2), (w1,r2), (w1,w2) that are possible.
    Object x = new Object();
    Task increment = () -> {
      read(x);
      write(x);
    };
    assertExact(4, threads(increment, increment));
  }

  @Test
  void aLockedCounterWithThreeThreadsHasSixLockOrders() {
    Object lock = new Object();
    Object counter = new Object();
    Task increment = () -> locked(lock, () -> {
      read(counter);
      write(counter);
    });
    assertExact(6, threads(increment, increment, increment));
  }

  @Test
  void storeBufferingHasThreeTraces() {
    // T1: write x, read y; T2: write y, read x. Both reads seeing the old value is impossible.
    Object x = new Object();
    Object y = new Object();
    assertExact(3, threads(() -> {
      write(x);
      read(y);
    }, () -> {
      write(y);
      read(x);
    }));
  }

  @Test
  void readersOnlyHaveOneTrace() {
    Object x = new Object();
    Task twoReads = () -> {
      read(x);
      read(x);
    };
    assertExact(1, threads(twoReads, twoReads, twoReads));
  }

  @Test
  void independentLocksHaveOneTrace() {
    Object l1 = new Object();
    Object l2 = new Object();
    assertExact(1, threads(() -> locked(l1, () -> write(l1)), () -> locked(l2, () -> write(l2))));
  }
}
