package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.testing.Simulated;
import org.junit.jupiter.api.Test;

/** The step bound: a program that never stops reaching scheduling points ends as LIVELOCK. */
class LivelockTest {
  private static ExecutionConfig bound(int maxSteps) {
    return new ExecutionConfig(maxSteps, Simulated.TIMEOUT_NANOS, false, false);
  }

  @Test
  void twoThreadsSpinningOnVolatileReadsForeverAreALivelock() {
    Task program = () -> {
      Object flag = new Object(); // nobody ever writes it
      Thread a = start("spinner-a", () -> {
        while (true) read(flag);
      });
      Thread b = start("spinner-b", () -> {
        while (true) read(flag);
      });
      join(a);
      join(b);
    };
    ExecutionResult r = Scheduler.execute(bound(2_000), new RandomWalk(), seed(0), program);

    assertEquals(Outcome.LIVELOCK, r.outcome(), r.report());
    String report = r.report();
    assertTrue(report.startsWith("Step bound of 2000 scheduling points reached"), report);
    assertTrue(report.contains("T1 (spinner-a) at read Object#1.value (Program.java:"), report);
    assertTrue(report.contains("T2 (spinner-b) at read Object#1.value (Program.java:"), report);
    assertTrue(report.contains("T0 at join T1 (spinner-a)"), report);
    assertTrue(report.contains("raise maxSteps"), report);
    assertEquals(2_000, r.steps(), "the bound, exactly");
    assertFalse(r.leaked(), "the spinners were unwound");
    assertReplays(bound(2_000), r, program);
  }

  @Test
  void theBoundCountsSchedulingPoints() {
    Task hundredPoints = () -> {
      for (int i = 0; i < 100; i++) Simulated.schedulingPoint();
    };

    assertEquals(Outcome.PASSED,
        Scheduler.execute(bound(100), new RandomWalk(), 1, hundredPoints).outcome());
    assertEquals(Outcome.LIVELOCK,
        Scheduler.execute(bound(99), new RandomWalk(), 1, hundredPoints).outcome());
  }
}
