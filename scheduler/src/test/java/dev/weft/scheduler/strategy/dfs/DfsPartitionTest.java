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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The parts of a partitioned systematic search together cover exactly the interleaving classes of
 * the whole search, each part being exhausted, on programs whose class counts are known by hand;
 * and they split the work (with enough parts, no part does it all).
 */
class DfsPartitionTest {
  /** What one search, whole or a part, did. */
  record Search(Set<Long> classes, int complete, int bugs, boolean covered) {}

  private static Search search(Dfs dfs, Task program) {
    Set<Long> classes = new HashSet<>();
    int complete = 0;
    int bugs = 0;
    for (int runs = 0; dfs.hasNextExecution(); runs++) {
      if (runs > 100_000) throw new AssertionError("the search did not end");
      ExecutionResult r = Scheduler.execute(config(), dfs, 0, program);
      if (r.outcome() == Outcome.PRUNED) continue;
      complete++;
      classes.add(r.fingerprint());
      if (r.outcome().isBug()) bugs++;
    }
    return new Search(classes, complete, bugs, dfs.coveredEverything());
  }

  private static Task threads(Task... bodies) {
    return () -> {
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < bodies.length; i++) started.add(start("t" + i, bodies[i]));
      for (Thread t : started) join(t);
    };
  }

  /** The parts' union is the whole search: the same classes, as many as known, and bugs alike. */
  private static void assertPartsCoverTheWhole(int classes, Task program, int... partCounts) {
    Search whole = search(new Dfs(true, -1, false), program);
    assertEquals(classes, whole.classes().size(), "the whole search: " + whole);
    assertTrue(whole.covered());
    for (int parts : partCounts) {
      Set<Long> union = new HashSet<>();
      int bugs = 0;
      for (int part = 0; part < parts; part++) {
        Search one = search(new Dfs(true, -1, false, null, Partition.of(part, parts)), program);
        assertTrue(one.covered(), "part " + part + " of " + parts + " is exhausted");
        if (parts == partCounts[partCounts.length - 1]) {
          // How evenly the parts split depends on the program; with the most parts, none does all.
          assertTrue(one.complete() < whole.complete(),
              "part " + part + " of " + parts + " does less than the whole: " + one);
        }
        union.addAll(one.classes());
        bugs += one.bugs();
      }
      assertEquals(whole.classes(), union, parts + " parts together");
      assertEquals(whole.bugs() > 0, bugs > 0, parts + " parts find a bug iff the whole does");
    }
  }

  @Test
  void twoUnsynchronizedIncrements() {
    Object x = new Object();
    Task increment = () -> {
      read(x);
      write(x);
    };
    assertPartsCoverTheWhole(4, threads(increment, increment), 1, 2, 3);
  }

  @Test
  void aLockedCounterWithThreeThreads() {
    Object lock = new Object();
    Object counter = new Object();
    Task increment = () -> locked(lock, () -> {
      read(counter);
      write(counter);
    });
    assertPartsCoverTheWhole(6, threads(increment, increment, increment), 1, 2, 4);
  }

  @Test
  void storeBuffering() {
    Object x = new Object();
    Object y = new Object();
    assertPartsCoverTheWhole(3, threads(() -> {
      write(x);
      read(y);
    }, () -> {
      write(y);
      read(x);
    }), 1, 2, 3);
  }

  @Test
  void aLostUpdateIsFoundByTheParts() {
    Object x = new Object();
    AtomicInteger shared = new AtomicInteger();
    Task increment = () -> {
      read(x);
      int seen = shared.get();
      write(x);
      shared.set(seen + 1);
    };
    assertPartsCoverTheWhole(4, () -> {
      shared.set(0);
      threads(increment, increment).run();
      if (shared.get() != 2) throw new AssertionError("lost update");
    }, 1, 2, 3);
  }
}
