package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.assertAllPass;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.executions;
import static dev.weft.scheduler.testing.Simulated.firstBug;
import static dev.weft.scheduler.testing.Simulated.isAlive;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.traced;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.weft.scheduler.view.Operation;

import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.testing.Simulated;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulated {@code Thread.join}: it orders the joined thread's writes before what follows. */
class JoinTest {
  static final class Result {
    int value; // "volatile"
  }

  private static Task publishAndRead(boolean joinFirst) {
    return () -> {
      Result r = new Result();
      Thread worker = start("worker", () -> {
        write(r);
        r.value = 42;
      });
      if (joinFirst) join(worker);
      read(r);
      int seen = r.value;
      if (!joinFirst) join(worker);
      if (seen != 42) throw new AssertionError("read " + seen + " before the worker wrote");
    };
  }

  @Test
  void readingBeforeJoinSeesTheUnsetValueInSomeSchedule() {
    ExecutionResult r = firstBug(config(), new RandomWalk(), 100, publishAndRead(false));

    assertNotNull(r, "no schedule read before the write");
    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertEquals("read 0 before the worker wrote", r.error().getMessage());
    assertReplays(config(), r, publishAndRead(false));
  }

  @Test
  void readingAfterJoinAlwaysSeesTheValue() {
    assertAllPass(config(), new RandomWalk(), 300, publishAndRead(true));
  }

  @Test
  void joiningAFinishedThreadReturnsAtOnce() {
    Task program = () -> {
      Thread worker = start("worker", () -> {});
      while (isAlive(worker)) Simulated.schedulingPoint();
      join(worker); // already finished
      join(worker); // and again
      if (worker.isAlive()) throw new AssertionError("join returned before the thread died");
    };
    for (ExecutionResult r : executions(traced(), new RandomWalk(), 50, program)) {
      assertEquals(Outcome.PASSED, r.outcome(), r.report());
      List<TraceEvent> joins =
          r.trace().stream().filter(e -> e.operation() == Operation.JOIN).toList();
      assertEquals(2, joins.size(), joins::toString);
      for (TraceEvent j : joins) {
        assertEquals(null, j.note(), "a plain return: " + j);
        assertEquals(null, j.switchReason(), "no other thread ran: " + j);
      }
    }
  }

  @Test
  void timedJoinOfABlockedThreadTimesOut() {
    Task program = () -> {
      Object lock = new Object();
      boolean[] released = {false};
      Thread worker = start("worker", () -> locked(lock, () -> {
        while (!released[0]) waitOn(lock);
      }));
      join(worker, 5); // the worker cannot end before we release it
      if (!isAlive(worker)) throw new AssertionError("worker ended while blocked");
      locked(lock, () -> {
        released[0] = true;
        Simulated.notifyAllWaiters(lock);
      });
      join(worker);
    };
    for (ExecutionResult r : executions(traced(), new RandomWalk(), 30, program)) {
      assertEquals(Outcome.PASSED, r.outcome(), r.report());
      assertTrue(Simulated.anyEvent(r.trace(), e -> e.operation() == Operation.JOIN
          && "timed out".equals(e.note())), r.trace()::toString);
    }
  }

  @Test
  void joiningEachOtherIsADeadlockWithACycle() {
    Task program = () -> {
      Thread body = Thread.currentThread();
      Thread child = start("child", () -> join(body));
      join(child);
    };
    ExecutionResult r = Scheduler.execute(config(), new RandomWalk(), 1, program);

    assertEquals(Outcome.DEADLOCK, r.outcome(), r.report());
    assertTrue(r.report().contains("T0 waits to join T1 (child)"), r.report());
    assertTrue(r.report().contains("T1 (child) waits to join T0"), r.report());
    assertTrue(r.report().contains("Cycle: T0 -> T1 (child) -> T0"), r.report());
    assertReplays(config(), r, program);
  }
}
