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
 * thread, and their bugs are found and replayed the same way. On JDK 21-23 starting one stops the
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

  /** The exploration ran all its {@code executions} without a failure. */
  private static void assertPassesAll(ExplorationResult result, int executions) {
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    assertEquals(executions, result.executions(), result.summary());
  }

  /** Systematic search covers every interleaving class of {@code body} without a failure. */
  private static void assertProvedCorrect(String name, Body body) {
    assumeControlled();
    ExplorationResult result = Weft.exploreInterleavings(options(StrategyKind.DFS, name), body);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
    assertTrue(result.statistics().coveredEverything(), result.summary());
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
    assertPassesAll(Weft.exploreInterleavings(options(strategy, "vt-locked"),
        VirtualThreads::lockedUpdate), BUDGET);
  }

  @Test
  void systematicSearchCoversTheLockedTwin() {
    assertProvedCorrect("vt-locked-dfs", VirtualThreads::lockedUpdate);
  }

  @Test
  void anExecutorOfVirtualThreadsLosesAnUpdateThatReplays() {
    assumeControlled();
    FoundBugs.assertFoundAndReplayed(options(StrategyKind.RANDOM, "vt-executor"),
        () -> VirtualThreads.perTaskExecutor(false), "count is 1, expected 2");
  }

  @Test
  void closingTheExecutorWaitsForEveryVirtualThread() {
    assertProvedCorrect("vt-executor-atomic", () -> VirtualThreads.perTaskExecutor(true));
  }

  @Test
  void cancellingAVirtualThreadsTaskInterruptsIt() {
    assertProvedCorrect("vt-cancel", VirtualThreads::cancelled);
  }

  @Test
  void aVirtualThreadBlockedOnAMonitorIsNotADeadlock() {
    assertProvedCorrect("vt-blocked", VirtualThreads::blockedOnMonitor);
  }

  @Test
  void startedByTheJdksBuilder() {
    assertProvedCorrect("vt-builder", VirtualThreads::startOne);
  }

  @Test
  void fiftyVirtualThreads() {
    assumeControlled();
    assertPassesAll(Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.RANDOM)
        .iterations(100).seed(5).testName("vt-many").build(), () -> VirtualThreads.many(50)), 100);
  }

  @Test
  void threadsWaitingPinnedToTheirCarriersLeaveOneForTheThreadWhoseTurnItIs() {
    assumeControlled();
    int threads = Runtime.getRuntime().availableProcessors() + 2; // more than the carriers
    assertPassesAll(Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.RANDOM)
        .iterations(20).seed(5).testName("vt-pinned").build(),
        () -> VirtualThreads.pinnedInClassInitializers(threads)), 20);
  }

  @Test
  void idsAndNamesOfVirtualThreadsAreTheSameInEveryExecution() {
    assumeControlled();
    VirtualThreads.SEEN.clear();
    Options options = Options.builder().iterations(3).seed(7).testName("vt-ids").build();
    for (int run = 0; run < 3; run++) {
      assertPassesAll(Weft.exploreInterleavings(options, VirtualThreads::recordIds), 3);
    }
    assertEquals(9, VirtualThreads.SEEN.size());
    assertEquals(1, new HashSet<>(VirtualThreads.SEEN).size(),
        String.join("\n", VirtualThreads.SEEN));
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
