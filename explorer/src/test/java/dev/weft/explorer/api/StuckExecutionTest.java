package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.Livelock;
import dev.weft.samples.explorer.Stuck;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A thread blocked outside Weft's control ends the run at its deadline, with its stack. */
class StuckExecutionTest {
  @Test
  void reportsTheStuckThreadWhereItIsAndWhyTheExplorationStops() throws Exception {
    // `cat` waits for input that never comes, so it writes nothing; it is started before the
    // exploration, outside Weft's control, and destroyed after it, which ends the waiter's read.
    Process silent = new ProcessBuilder("cat").start();
    ExplorationResult result;
    try {
      result = Weft.exploreInterleavings(
          Options.builder().iterations(100).executionTimeout(Duration.ofSeconds(5))
              .testName("stuck").build(),
          () -> Stuck.waitFor(silent.getInputStream()));
    } finally {
      silent.destroyForcibly().waitFor();
    }
    Failure f = result.failure().orElseThrow();
    assertEquals(FailureKind.STUCK, f.kind(), f::report);
    assertEquals(1, result.executions(), "the exploration stops at the stuck execution");
    assertTrue(f.summary().contains("T1 (waiter) is running code Weft does not control"),
        f.summary());
    assertTrue(f.details().contains("at java.io.FileInputStream.read"), f.details());
    assertTrue(f.details().contains("at dev.weft.samples.explorer.Stuck.lambda$waitFor$0("
        + "Stuck.java:17)"), f.details());
    assertTrue(f.details().contains("so the exploration stops here"), f.details());
    assertTrue(f.trace().startsWith("(no trace: the execution was not replayed"), f.trace());
  }

  @Test
  void aLivelockIsReportedWithItsLoopShownOnce() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(10).maxSteps(5_000).testName("livelock").build(),
        Livelock::run);
    Failure f = result.failure().orElseThrow();
    assertEquals(FailureKind.LIVELOCK, f.kind());
    String trace = f.trace();
    assertTrue(trace.contains(" rows not shown: steps ") || trace.contains("~ <iterations 2-"),
        trace);
    assertTrue(f.trace().lines().count() < 600,
        "5,000 steps make a short trace, not " + f.trace().lines().count() + " lines");
    ReplayResult replay = Weft.replay(f.schedule(), Livelock::run);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(trace, replay.trace());
  }
}
