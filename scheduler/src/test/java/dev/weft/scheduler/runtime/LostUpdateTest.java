package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.firstBug;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.weft.scheduler.view.Operation;

import dev.weft.scheduler.hooks.MemoryHooks;
import dev.weft.scheduler.strategy.Pct;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Replay;
import dev.weft.scheduler.testing.Simulated;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two unsynchronized read-then-write increments: found, by every strategy, and replayed exactly. */
class LostUpdateTest {
  private static final int READ = Simulated.site("increment", "Counter.value");
  private static final int WRITE = Simulated.site("increment", "Counter.value");

  static final class Counter {
    int value; // "volatile": each access is preceded by its hook
  }

  private static final Task LOST_UPDATE = () -> {
    Counter c = new Counter();
    Task increment = () -> {
      MemoryHooks.volatileRead(c, READ);
      int v = c.value;
      MemoryHooks.volatileWrite(c, WRITE);
      c.value = v + 1;
    };
    Thread a = start("inc-1", increment);
    Thread b = start("inc-2", increment);
    join(a);
    join(b);
    if (c.value != 2) throw new AssertionError("lost update: value is " + c.value);
  };

  private static void assertLostUpdate(ExecutionResult r) {
    assertNotNull(r, "the lost update was not found");
    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertInstanceOf(AssertionError.class, r.error());
    assertEquals("lost update: value is 1", r.error().getMessage());
    assertEquals(0, r.thread(), "the body (T0) asserted");
    assertTrue(r.report().startsWith("T0 threw java.lang.AssertionError: lost update"), r.report());
  }

  @Test
  void randomWalkFindsIt() {
    assertLostUpdate(firstBug(config(), new RandomWalk(), 100, LOST_UPDATE));
  }

  @ParameterizedTest(name = "depth {0}")
  @ValueSource(ints = {2, 3})
  void pctFindsIt(int depth) {
    assertLostUpdate(firstBug(config(), new Pct(depth, 20), 100, LOST_UPDATE));
  }

  @Test
  void replayingTheChoicesGivesTheSameFailureAndTraceEveryTime() {
    ExecutionResult found = firstBug(config(), new RandomWalk(), 100, LOST_UPDATE);
    assertLostUpdate(found);

    Replay replay = new Replay(found.choices());
    ExecutionResult first = Scheduler.execute(traced(), replay, 0, LOST_UPDATE);
    assertEquals(0, replay.remaining(), "the replay used every recorded choice");
    ExecutionResult second = Scheduler.execute(traced(), new Replay(found.choices()), 0, LOST_UPDATE);

    for (ExecutionResult r : List.of(first, second)) {
      assertLostUpdate(r);
      assertEquals(found.choices(), r.choices());
      assertEquals(found.steps(), r.steps());
    }
    assertFalse(first.trace().isEmpty());
    assertEquals(first.trace().size(), second.trace().size());
    for (int i = 0; i < first.trace().size(); i++) {
      assertEquals(first.trace().get(i), second.trace().get(i), "event " + i);
    }
    // The trace shows the bug: both increments read the counter before either wrote it.
    List<TraceEvent> accesses = first.trace().stream()
        .filter(e -> e.operation() == Operation.VOLATILE_READ
            || e.operation() == Operation.VOLATILE_WRITE)
        .toList();
    assertEquals(4, accesses.size(), accesses::toString);
    assertEquals(Operation.VOLATILE_READ, accesses.get(0).operation(), accesses::toString);
    assertEquals(Operation.VOLATILE_READ, accesses.get(1).operation(), accesses::toString);
    assertTrue(accesses.stream().allMatch(e -> "Counter#1.value".equals(e.target())),
        accesses::toString);
  }
}
