package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.Wakeups;
import org.junit.jupiter.api.Test;

/**
 * Spurious wakeups are explored by default, say so in the failure, and can be turned off; parks
 * inside JDK code never get one.
 */
class SpuriousWakeupsTest {
  private static Options.Builder dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(1_000)
        .testName("SpuriousWakeupsTest." + name);
  }

  @Test
  void anIfAroundWaitIsFoundByDefaultAndTheFailureSaysWhy() {
    assertTrue(Options.defaults().spuriousWakeups());
    Failure f = FoundBugs.assertFoundAndReplayed(dfs("if-wait").build(), Wakeups::ifAroundWait,
        "woke with nothing ready");
    assertTrue(f.trace().contains("spurious wakeup"), f.trace());
    assertTrue(f.message().contains("a spurious wakeup, which wait and park allow"), f.message());
    assertTrue(f.message().contains("--no-spurious-wakeups"), f.message());
    assertTrue(f.schedule().contains("s1"), f.schedule()); // the recorded choice
  }

  @Test
  void turnedOffTheSameProgramIsProvedCorrect() {
    ExplorationResult result = Weft.exploreInterleavings(
        dfs("if-wait-off").spuriousWakeups(false).build(), Wakeups::ifAroundWait);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void parksInsideJdkCodeCostNoExecutions() {
    ExplorationResult on = Weft.exploreInterleavings(dfs("condition-on").build(),
        Wakeups::conditionHandoff);
    ExplorationResult off = Weft.exploreInterleavings(
        dfs("condition-off").spuriousWakeups(false).build(), Wakeups::conditionHandoff);
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, on.stopReason(), on.summary());
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, off.stopReason(), off.summary());
    assertEquals(off.executions(), on.executions(), on.summary() + " / " + off.summary());
  }
}
