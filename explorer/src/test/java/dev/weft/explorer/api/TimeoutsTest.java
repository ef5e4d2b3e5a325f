package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.TimedWaits;
import org.junit.jupiter.api.Test;

/**
 * The two models of timeouts: under {@link Timeouts#ANYTIME} a short timeout may expire while
 * another thread could still run, and the failure says so and how to change it; under {@link
 * Timeouts#WHEN_BLOCKED} only when nothing else can run, which a replay keeps.
 */
class TimeoutsTest {
  private static Options.Builder dfs(String name, Timeouts timeouts) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(2_000).timeouts(timeouts)
        .testName("TimeoutsTest." + name);
  }

  private static void assertProved(Options options, Body body) {
    ExplorationResult result = Weft.exploreInterleavings(options, body);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void anytimeLetsAShortTryLockTimeOutWhileTheHolderCouldRunAndSaysSo() {
    Failure f = FoundBugs.assertFoundAndReplayed(dfs("tryLock-anytime", Timeouts.ANYTIME).build(),
        TimedWaits::tryLockWhileHeldBriefly, "tryLock timed out");
    assertTrue(f.message().contains("timed out at step"), f.message());
    assertTrue(f.message().contains("while another thread could still run"), f.message());
    assertTrue(f.message().contains("--timeouts=when-blocked"), f.message());
    assertFalse(f.schedule().contains(";t="), f.schedule()); // the default is not written
  }

  @Test
  void whenBlockedNeverLetsItTimeOutWhileTheHolderCanRun() {
    assertProved(dfs("tryLock-when-blocked", Timeouts.WHEN_BLOCKED).build(),
        TimedWaits::tryLockWhileHeldBriefly);
  }

  @Test
  void whenBlockedLetsItTimeOutOnceNothingElseCanRunAndTheReplayKeepsTheModel() {
    Failure f = FoundBugs.assertFoundAndReplayed(
        dfs("tryLock-blocked", Timeouts.WHEN_BLOCKED).build(),
        TimedWaits::tryLockWhileHolderWaits, "tryLock timed out");
    assertTrue(f.schedule().endsWith(";t=when-blocked"), f.schedule());
    assertFalse(f.message().contains("while another thread could still run"), f.message());
    ReplayResult replay = Weft.replay(f.schedule(), TimedWaits::tryLockWhileHolderWaits);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  @Test
  void aShortAwaitMayTimeOutBeforeTheInterruptUnderAnytimeOnly() {
    FoundBugs.assertFoundAndReplayed(dfs("await-anytime", Timeouts.ANYTIME).build(),
        () -> TimedWaits.awaitEndedByInterrupt(100), "the await timed out");
    assertProved(dfs("await-when-blocked", Timeouts.WHEN_BLOCKED).build(),
        () -> TimedWaits.awaitEndedByInterrupt(100));
  }

  @Test
  void anAwaitOfOneSecondIsEndedByTheInterruptUnderBothModels() {
    for (Timeouts model : Timeouts.values()) {
      assertProved(dfs("await-1s-" + model.cliName(), model).build(),
          () -> TimedWaits.awaitEndedByInterrupt(1_000));
    }
  }
}
