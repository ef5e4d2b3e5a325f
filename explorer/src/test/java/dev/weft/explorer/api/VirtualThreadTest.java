package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.VirtualThreads;
import java.util.HashSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Virtual threads are controlled threads on JDK 24+: started by the program or by the JDK
 * ({@code Thread.ofVirtual()}, an executor of virtual threads), each takes its turn like a platform
 * thread, and its bugs are found and replayed the same way. On JDK 21-23 starting one stops the
 * exploration with the reason.
 */
class VirtualThreadTest {
  /** The budget within which the lost update must be found, and its twin must pass. */
  private static final int BUDGET = 1_000;

  private static void assumeControlled() {
    Assumptions.assumeTrue(Runtime.version().feature() >= 24, "controlled from JDK 24");
  }

  private static Options options(StrategyKind strategy, String name) {
    return Options.builder().strategy(strategy).iterations(BUDGET).seed(5).testName(name).build();
  }

  private static void assertPasses(ExplorationResult result) {
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
  }

  @ParameterizedTest
  @EnumSource(names = {"RANDOM", "PCT", "DFS"})
  void aLostUpdateIsFoundWithinTheBudgetAndReplaysToTheSameTrace(StrategyKind strategy) {
    assumeControlled();
    Failure f = FoundBugs.assertFoundAndReplayed(options(strategy, "vt-lost-update-" + strategy),
        VirtualThreads::lostUpdate, "lost update: expected 2 but was 1");
    assertEquals(FailureKind.EXCEPTION, f.kind());
    assertTrue(f.execution() < BUDGET);
    assertTrue(f.trace().contains("start T2  VirtualThreads.java:"), f.trace());
    assertTrue(f.trace().contains("switch: T1 ended") || f.trace().contains("switch: T2 ended"),
        f.trace());
  }

  @ParameterizedTest
  @EnumSource(names = {"RANDOM", "PCT"})
  void theLockedTwinPassesTheWholeBudget(StrategyKind strategy) {
    assumeControlled();
    ExplorationResult result =
        Weft.exploreInterleavings(options(strategy, "vt-locked"), VirtualThreads::lockedUpdate);
    assertPasses(result);
    assertEquals(BUDGET, result.executions(), result.summary());
  }

  @Test
  void systematicSearchCoversTheLockedTwin() {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(
        options(StrategyKind.DFS, "vt-locked-dfs"), VirtualThreads::lockedUpdate);
    assertPasses(result);
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
    assertTrue(result.statistics().coveredEverything(), result.summary());
  }

  @Test
  void anExecutorOfVirtualThreadsLosesAnUpdateThatReplays() {
    assumeControlled();
    FoundBugs.assertFoundAndReplayed(options(StrategyKind.RANDOM, "vt-executor"),
        () -> VirtualThreads.perTaskExecutor(false), "count is 1, expected 2");
  }

  @Test
  void closingTheExecutorWaitsForEveryVirtualThread() {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(
        options(StrategyKind.DFS, "vt-executor-atomic"), () -> VirtualThreads.perTaskExecutor(true));
    assertPasses(result);
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void cancellingAVirtualThreadsTaskInterruptsIt() {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(
        options(StrategyKind.DFS, "vt-cancel"), VirtualThreads::cancelled);
    assertPasses(result);
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void aVirtualThreadBlockedOnAMonitorIsNotADeadlock() {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(
        options(StrategyKind.DFS, "vt-blocked"), VirtualThreads::blockedOnMonitor);
    assertPasses(result);
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void fiftyVirtualThreads() {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.RANDOM).iterations(100).seed(5)
            .testName("vt-many").build(),
        () -> VirtualThreads.many(50));
    assertPasses(result);
    assertEquals(100, result.executions(), result.summary());
  }

  @Test
  void threadsWaitingPinnedToTheirCarriersLeaveOneForTheThreadWhoseTurnItIs() {
    assumeControlled();
    int threads = Runtime.getRuntime().availableProcessors() + 2; // more than the carriers
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.RANDOM).iterations(20).seed(5)
            .testName("vt-pinned").build(),
        () -> VirtualThreads.pinnedInClassInitializers(threads));
    assertPasses(result);
    assertEquals(20, result.executions(), result.summary());
  }

  @Test
  void startedByTheJdksBuilder() {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(
        options(StrategyKind.DFS, "vt-builder"), VirtualThreads::startOne);
    assertPasses(result);
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void idsAndNamesOfVirtualThreadsAreTheSameInEveryExecution() {
    assumeControlled();
    VirtualThreads.SEEN.clear();
    Options options = Options.builder().iterations(3).seed(7).testName("vt-ids").build();
    for (int run = 0; run < 3; run++) {
      assertPasses(Weft.exploreInterleavings(options, VirtualThreads::recordIds));
    }
    assertEquals(9, VirtualThreads.SEEN.size());
    assertEquals(1, new HashSet<>(VirtualThreads.SEEN).size(), String.join("\n", VirtualThreads.SEEN));
    assertEquals("1000001 '' 1000002 '' ", VirtualThreads.SEEN.get(0));
  }

  @Test
  void beforeJdk24StartingOneIsRefusedWithTheReason() {
    int jdk = Runtime.version().feature();
    Assumptions.assumeTrue(jdk >= 21 && jdk < 24, "virtual threads exist, not controlled");
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(10).testName("virtual-thread").build(),
        VirtualThreads::startOne);
    Failure f = result.failure().orElseThrow();
    assertEquals(FailureKind.UNCONTROLLED, f.kind(), f.message());
    assertEquals(1, result.executions());
    assertTrue(f.summary().startsWith("T0 starts a virtual thread. Weft controls virtual threads"
        + " on JDK 24 and later."), f.summary());
  }
}
