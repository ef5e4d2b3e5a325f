package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.programs.OnePreemption;
import dev.weft.testbench.programs.ThreePreemptions;
import dev.weft.testbench.programs.TwoPreemptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Iterative preemption bounding (CHESS) reports the minimal number of preemptions a bug needs: the
 * programs are built to need exactly 1, 2 and 3.
 */
class PreemptionBoundTest {
  private static Failure firstBug(String name, Body body) {
    ExplorationResult result = Weft.exploreInterleavings(Options.builder()
        .strategy(StrategyKind.DFS).preemptionBound(4).iterations(200_000)
        .timeLimit(Duration.ofMinutes(5)).outputDir(Budget.OUTPUT)
        .testName("PreemptionBoundTest." + name).build(), body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    ReplayResult replay = Weft.replay(f.schedule(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
    return f;
  }

  @Test
  void onePreemption() {
    Failure f = firstBug("one", () -> OnePreemption.main(new String[0]));
    assertEquals(1, f.preemptions(), f.message());
  }

  @Test
  void twoPreemptions() {
    Failure f = firstBug("two", () -> TwoPreemptions.main(new String[0]));
    assertEquals(2, f.preemptions(), f.message());
    assertTrue(f.message().contains("with 2 preemptions"), f.message());
  }

  @Test
  void threePreemptions() {
    Failure f = firstBug("three", () -> ThreePreemptions.main(new String[0]));
    assertEquals(3, f.preemptions(), f.message());
  }
}
