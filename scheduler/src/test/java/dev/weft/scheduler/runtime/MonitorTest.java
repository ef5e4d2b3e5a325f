package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.assertAllPass;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.executions;
import static dev.weft.scheduler.testing.Simulated.firstBug;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.notifyAllWaiters;
import static dev.weft.scheduler.testing.Simulated.schedulingPoint;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Replay;
import dev.weft.scheduler.testing.Simulated;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The monitor model: exclusion, reentrancy, and lock-order deadlocks with their report. */
class MonitorTest {
  private static final int ENTER_A = Simulated.site("enterA", null);
  private static final int ENTER_B = Simulated.site("enterB", null);

  static final class Counter {
    int count; // plain fields: only the monitor protects them
    boolean inside;
  }

  static final class LockA {}

  static final class LockB {}

  /** Counts the threads inside a critical section; throws when a second one gets in. */
  static final class Occupancy {
    int inside;

    void enter() {
      if (++inside != 1) throw new AssertionError(inside + " threads inside the monitor");
    }

    void leave() {
      inside--;
    }
  }

  @Test
  void mutualExclusionKeepsEveryIncrementUnderRandomSchedules() {
    AtomicInteger contended = new AtomicInteger();
    Task program = () -> {
      Counter c = new Counter();
      Object lock = new Object();
      boolean[] sawItHeld = {false};
      Task increment = () -> {
        for (int k = 0; k < 2; k++) {
          // No scheduling point between this check and the enter hook: if the section is occupied
          // now, the enter below really has to wait.
          if (c.inside) sawItHeld[0] = true;
          locked(lock, () -> {
            c.inside = true;
            int v = c.count;
            schedulingPoint(); // inside the critical section
            c.count = v + 1;
            c.inside = false;
          });
        }
      };
      Thread a = start("inc-a", increment);
      Thread b = start("inc-b", increment);
      join(a);
      join(b);
      if (c.count != 4) throw new AssertionError("count is " + c.count + ", expected 4");
      if (sawItHeld[0]) contended.incrementAndGet();
    };
    assertAllPass(config(), new RandomWalk(), 1000, program);
    assertTrue(contended.get() >= 100, "only " + contended + " executions contended");
  }

  @Test
  void reentrantEntryNeitherBlocksNorReleasesOnTheInnerExit() {
    Task program = () -> {
      Object lock = new Object();
      Occupancy room = new Occupancy();
      Task nested = () -> locked(lock, () -> {
        room.enter();
        locked(lock, Simulated::schedulingPoint);
        schedulingPoint(); // inner exit done: the monitor must still be held here
        room.leave();
      });
      Thread a = start("nested-a", nested);
      Thread b = start("nested-b", nested);
      join(a);
      join(b);
    };
    assertAllPass(config(), new RandomWalk(), 300, program);
  }

  @Test
  void waitRestoresTheReentrancyDepth() {
    Task program = () -> {
      Object lock = new Object();
      Occupancy room = new Occupancy();
      boolean[] ready = {false};
      Thread waiter = start("waiter", () -> locked(lock, () -> {
        locked(lock, () -> {
          while (!ready[0]) waitOn(lock); // releases both levels, must restore both
        });
        room.enter();
        schedulingPoint();
        room.leave();
      }));
      Thread notifier = start("notifier", () -> locked(lock, () -> {
        room.enter();
        ready[0] = true;
        notifyAllWaiters(lock);
        room.leave();
      }));
      Thread other = start("other", () -> locked(lock, () -> {
        room.enter();
        schedulingPoint();
        room.leave();
      }));
      join(waiter);
      join(notifier);
      join(other);
    };
    assertAllPass(config(), new RandomWalk(), 300, program);
  }

  private static Task lockOrder(boolean sameOrder) {
    return () -> {
      LockA a = new LockA();
      LockB b = new LockB();
      Thread ab = start("ab", () -> locked(a, ENTER_A, () -> locked(b, ENTER_B, () -> {})));
      Thread ba = sameOrder
          ? start("ba", () -> locked(a, ENTER_A, () -> locked(b, ENTER_B, () -> {})))
          : start("ba", () -> locked(b, ENTER_B, () -> locked(a, ENTER_A, () -> {})));
      join(ab);
      join(ba);
    };
  }

  @Test
  void lockOrderDeadlockIsFoundAndExplained() {
    ExecutionResult r = firstBug(config(), new RandomWalk(), 200, lockOrder(false));

    assertNotNull(r, "no deadlock in 200 random executions");
    assertEquals(Outcome.DEADLOCK, r.outcome(), r.report());
    String report = r.report();
    assertTrue(report.contains("T1 (ab) holds LockA#1"), report);
    assertTrue(report.contains("T2 (ba) holds LockB#1"), report);
    assertTrue(report.contains("waits to enter LockB#1"), report);
    assertTrue(report.contains("waits to enter LockA#1"), report);
    assertTrue(report.contains("Program.java:"), "sites are named: " + report);
    String cycle = report.lines().filter(l -> l.contains("Cycle")).findFirst().orElse("");
    assertTrue(cycle.contains("T1 (ab)") && cycle.contains("T2 (ba)"), report);
    assertEquals(-1, r.thread(), "a deadlock has no single failing thread");
    assertTrue(!r.leaked(), "the deadlocked threads were unwound");
    assertReplays(config(), r, lockOrder(false));
  }

  @Test
  void sameLockOrderNeverDeadlocks() {
    assertAllPass(config(), new RandomWalk(), 500, lockOrder(true));
  }

  @Test
  void deadlockReportIsTheSameForTheSameSchedule() {
    // Three monitors of one class, one thread holding two: the names and their order must come from
    // the schedule, never from identity hash codes.
    Task program = () -> {
      Object x = new Object();
      Object y = new Object();
      Object z = new Object();
      Thread first = start("xy-z", () -> locked(x, () -> locked(y, () -> locked(z, () -> {}))));
      Thread second = start("z-x", () -> locked(z, () -> locked(x, () -> {})));
      join(first);
      join(second);
    };
    ExecutionResult found = firstBug(config(), new RandomWalk(), 300, program);
    assertNotNull(found, "no deadlock in 300 random executions");
    assertEquals(Outcome.DEADLOCK, found.outcome(), found.report());

    Set<String> reports = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      ExecutionResult again = Scheduler.execute(
          config(), new Replay(found.choices()), 0, program);
      assertEquals(Outcome.DEADLOCK, again.outcome(), again.report());
      reports.add(again.report());
    }
    assertEquals(Set.of(found.report()), reports);
  }
}
