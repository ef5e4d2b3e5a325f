package dev.weft.scheduler.strategy.dfs;

import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.isInterrupted;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.notifyOne;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.hooks.ThreadHooks;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.view.ChoiceKind;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Systematic search finds bugs, proves their fixed twins, and bounds preemptions. */
class DfsSearchTest {
  /** Runs executions until the first bug or the end of the search; null when none failed. */
  private static ExecutionResult firstBug(Strategy strategy, Task program) {
    while (strategy.hasNextExecution()) {
      ExecutionResult r = Scheduler.execute(config(), strategy, 0, program);
      if (r.outcome().isBug()) return r;
    }
    return null;
  }

  /** Volatile {@code int}: each read and write is a scheduling point. */
  static final class Cell {
    private volatile int value;

    int get() {
      read(this);
      return value;
    }

    void set(int v) {
      write(this);
      value = v;
    }
  }

  private static Task lostUpdate(boolean locked) {
    return () -> {
      Cell c = new Cell();
      Object lock = new Object();
      Task inc = () -> {
        if (locked) {
          locked(lock, () -> c.set(c.get() + 1));
        } else {
          c.set(c.get() + 1);
        }
      };
      Thread a = start("a", inc);
      Thread b = start("b", inc);
      join(a);
      join(b);
      if (c.get() != 2) throw new AssertionError("lost update: " + c.get());
    };
  }

  private static Task abBa(boolean sameOrder) {
    return () -> {
      Object x = new Object();
      Object y = new Object();
      Thread a = start("a", () -> locked(x, () -> locked(y, () -> { })));
      Thread b = start("b", () -> locked(sameOrder ? x : y, () -> locked(sameOrder ? y : x,
          () -> { })));
      join(a);
      join(b);
    };
  }

  @Test
  void findsTheLostUpdateAndItsScheduleReplays() {
    ExecutionResult bug = firstBug(new Dfs(true, -1, false), lostUpdate(false));
    assertNotNull(bug, "DPOR finds the lost update");
    assertEquals(Outcome.EXCEPTION, bug.outcome());
    assertReplays(config(), bug, lostUpdate(false));
  }

  @Test
  void findsTheLockOrderDeadlock() {
    ExecutionResult bug = firstBug(new Dfs(true, -1, false), abBa(false));
    assertNotNull(bug);
    assertEquals(Outcome.DEADLOCK, bug.outcome());
    assertReplays(config(), bug, abBa(false));
  }

  @Test
  void provesTheFixedTwinsCorrect() {
    for (Task correct : new Task[] {lostUpdate(true), abBa(true)}) {
      Dfs dfs = new Dfs(true, -1, false);
      assertNull(firstBug(dfs, correct));
      assertTrue(dfs.coveredEverything(), "the whole space was explored");
    }
  }

  /** Each thread appends its letter twice; "abab" needs exactly two preemptions. */
  private static Task alternation(AtomicInteger preemptionsSeen) {
    return () -> {
      StringBuilder log = new StringBuilder();
      Object logLock = new Object();
      Task a = () -> {
        for (int i = 0; i < 2; i++) locked(logLock, () -> log.append('a'));
      };
      Task b = () -> {
        for (int i = 0; i < 2; i++) locked(logLock, () -> log.append('b'));
      };
      Thread ta = start("a", a);
      Thread tb = start("b", b);
      join(ta);
      join(tb);
      if (log.toString().equals("abab")) throw new AssertionError("alternated: " + log);
    };
  }

  @Test
  void iterativeBoundingReportsTheMinimalPreemptionCount() {
    Dfs iterative = new Dfs(true, 5, true);
    ExecutionResult bug = firstBug(iterative, alternation(new AtomicInteger()));
    assertNotNull(bug);
    assertEquals(2, iterative.currentBound(), "first found at bound 2, not before");

    Dfs boundOne = new Dfs(false, 1, false);
    assertNull(firstBug(boundOne, alternation(new AtomicInteger())), "no bug within 1 preemption");
    assertTrue(!boundOne.coveredEverything(), "the bound cut executions, so it is no proof");
  }

  @Test
  void exploresEveryWaiterANotifyCanWake() {
    Set<String> firstWoken = new HashSet<>();
    Task program = () -> {
      Object lock = new Object();
      StringBuilder who = new StringBuilder();
      boolean[] ready = new boolean[1];
      Task waiter = () -> locked(lock, () -> {
        while (!ready[0]) waitOn(lock);
        who.append(Thread.currentThread().getName());
        ready[0] = false;
      });
      Thread w1 = start("w1", waiter);
      Thread w2 = start("w2", waiter);
      Thread n = start("n", () -> {
        for (int i = 0; i < 2; i++) {
          locked(lock, () -> {
            ready[0] = true;
            notifyOne(lock);
          });
        }
      });
      join(n);
      locked(lock, () -> {
        if (who.length() >= 2) firstWoken.add(who.substring(0, 2));
      });
    };
    Dfs dfs = new Dfs(true, -1, false);
    boolean wokeTheSecondWaiter = false;
    while (dfs.hasNextExecution()) {
      Choices c = Scheduler.execute(config(), dfs, 0, program).choices();
      for (int i = 0; i < c.size(); i++) {
        wokeTheSecondWaiter |= c.kind(i) == ChoiceKind.NOTIFY && c.value(i) == 1;
      }
    }
    assertTrue(wokeTheSecondWaiter, "the search branches on which waiter notify wakes");
    assertEquals(Set.of("w1", "w2"), firstWoken, "either waiter can be the first one woken");
  }

  /**
   * JDK code may interrupt a thread between scheduling points (a future's cancel): that write of the
   * target's interrupt status belongs to the interrupter's step, and races with the target's earlier
   * read of it. The search must also try the order in which the write comes first, which no race of
   * a step's own operation calls for here.
   */
  @Test
  void anAccessBetweenSchedulingPointsGetsTheBacktrackPointOfItsRace() {
    Task program = () -> {
      Thread main = Thread.currentThread();
      start("interrupter", () -> ThreadHooks.interruptEntered(main));
      if (isInterrupted(main)) throw new AssertionError("saw the interrupt");
    };
    ExecutionResult r = firstBug(new Dfs(true, -1, false), program);
    assertNotNull(r, "no execution ran the interrupt before the read");
    assertEquals("saw the interrupt", r.error().getMessage(), r.report());
    assertReplays(config(), r, program);
  }
}
