package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.AtomicShapes;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VarHandles, field updaters, StampedLock conversions, copy-on-write lists and timed parks. */
class AtomicShapesTest {
  static Stream<FoundBugs.Sample> buggy() {
    return Stream.of(
        new FoundBugs.Sample("var-handle", AtomicShapes::lostUpdateThroughVarHandle,
            "lost update through a VarHandle: 1"),
        new FoundBugs.Sample("field-updater", AtomicShapes::lostUpdateThroughFieldUpdater,
            "lost update: 1"),
        new FoundBugs.Sample("copy-on-write", AtomicShapes::checkThenAddOnCopyOnWrite,
            "added 2 times"),
        new FoundBugs.Sample("timed-park", AtomicShapes::timedParkMayTimeOut,
            "the timed park ended before the flag was set"));
  }

  @ParameterizedTest
  @MethodSource("buggy")
  void theBugIsFoundAndReplays(FoundBugs.Sample sample) {
    FoundBugs.assertFoundAndReplayed(sample);
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
