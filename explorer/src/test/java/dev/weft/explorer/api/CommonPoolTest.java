package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.CommonPool;
import org.junit.jupiter.api.Test;

/**
 * The common pool's workers, started from a controlled thread, are controlled for the execution
 * and end with it; the next execution starts its own.
 */
class CommonPoolTest {
  @Test
  void aLostUpdateInAParallelStreamIsFoundAndReplays() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(1_000).seed(3).testName("parallel-count").build(),
        CommonPool::racyParallelCount);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.EXCEPTION, f.kind());
    assertTrue(f.summary().contains("expected 4"), f.summary());
    ReplayResult replay = Weft.replay(f.scheduleFile().toString(), CommonPool::racyParallelCount);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  @Test
  void theAtomicTwinPassesEveryExecution() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(300).seed(3).testName("parallel-count-atomic").build(),
        CommonPool::atomicParallelCount);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    // The whole budget ran, or systematic search covered every interleaving class first.
    assertTrue(result.executions() == 300
        || result.stopReason() == ExplorationResult.StopReason.EXHAUSTED, result.summary());
  }
}
