package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Program;
import dev.weft.testbench.programs.AbBaDeadlock;
import org.junit.jupiter.api.Test;

/** The deadlock report names both threads, both monitors, and the cycle between them. */
class PrintDeadlockReportTest {

  @Test
  void theReportNamesThreadsMonitorsAndCycle() {
    Program abba = Program.of(AbBaDeadlock.class);
    ExplorationResult result = Weft.exploreInterleavings(
        Budget.options(StrategyKind.RANDOM, 1L, "PrintDeadlockReportTest").build(),
        abba.body());
    Failure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.DEADLOCK, failure.kind(), failure.message());
    String report = failure.message();
    System.out.println(report);

    String cycle = report.lines().filter(l -> l.strip().startsWith("Cycle"))
        .findFirst().orElseThrow(() -> new AssertionError("no Cycle line in:\n" + report));
    assertTrue(cycle.contains(AbBaDeadlock.LEFT_FIRST) && cycle.contains(AbBaDeadlock.RIGHT_FIRST),
        "the cycle does not name both threads: " + cycle);
    for (Class<?> monitor : new Class<?>[] {AbBaDeadlock.Left.class, AbBaDeadlock.Right.class}) {
      assertTrue(failure.details().contains(monitor.getSimpleName() + "#"),
          "the deadlock details do not name the monitor " + monitor.getSimpleName() + ":\n" + report);
    }
  }
}
