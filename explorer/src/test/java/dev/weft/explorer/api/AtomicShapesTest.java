package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.AtomicShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** VarHandles, field updaters, StampedLock conversions, copy-on-write lists and timed parks. */
class AtomicShapesTest {
  enum Buggy {
    VAR_HANDLE(AtomicShapes::lostUpdateThroughVarHandle, "lost update through a VarHandle: 1"),
    FIELD_UPDATER(AtomicShapes::lostUpdateThroughFieldUpdater, "lost update: 1"),
    COPY_ON_WRITE(AtomicShapes::checkThenAddOnCopyOnWrite, "added 2 times"),
    TIMED_PARK(AtomicShapes::timedParkMayTimeOut, "the timed park ended before the flag was set");

    final Body body;
    final String message;

    Buggy(Body body, String message) {
      this.body = body;
      this.message = message;
    }
  }

  @ParameterizedTest
  @EnumSource(Buggy.class)
  void theBugIsFoundAndReplays(Buggy program) {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.DFS).iterations(1_000).testName(program.name())
            .build(), program.body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertTrue(f.summary().contains(program.message), f.summary());
    ReplayResult replay = Weft.replay(f.scheduleFile().toString(), program.body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  @Test
  void aStampedLockConversionIsProvedCorrect() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.DFS).iterations(5_000).testName("stamped").build(),
        AtomicShapes::stampedLockConversion);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }
}
