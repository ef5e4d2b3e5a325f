package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.samples.explorer.NeedsPreemptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing schedule is shrunk before it is reported: a random walk finds these bugs with many
 * preemptions, and the report shows the known least number; the shrunk schedule replays to the same
 * trace, and the file keeps the original.
 */
class ShrinkTest {
  private static final Body LOST_UPDATE = NeedsPreemptions::lostUpdate;
  private static final Body BOTH_FLAGS = NeedsPreemptions::bothFlagsRaised;
  private static final Body DEADLOCK = NeedsPreemptions::lockOrderDeadlock;
  private static final Pattern SHRUNK = Pattern.compile(
      "Shrunk from (\\d+) preemptions? and (\\d+) steps? to (\\d+) preemptions? and (\\d+) steps?"
          + " in (\\d+) runs?");

  private static Options random(String name, long seed, boolean shrink) {
    return Options.builder().strategy(StrategyKind.RANDOM).seed(seed).iterations(5_000)
        .shrink(shrink).testName("ShrinkTest." + name).build();
  }

  /** Finds, shrinks and replays; the failure must say how much shrinking took off. */
  private static Failure shrunk(String name, long seed, Body body, String message) {
    Failure f = FoundBugs.assertFoundAndReplayed(random(name, seed, true), body, message);
    Matcher m = SHRUNK.matcher(f.details());
    assertTrue(m.find(), "the report says what shrinking did:\n" + f.message());
    assertTrue(Integer.parseInt(m.group(1)) > f.preemptions(), f.details());
    assertEquals(f.preemptions(), Integer.parseInt(m.group(3)));
    assertEquals(f.steps(), Integer.parseInt(m.group(4)));
    assertEquals(f.preemptions(), f.trace().split(" preempted\n", -1).length - 1,
        "the trace shown is the shrunk one:\n" + f.trace());
    return f;
  }

  @Test
  void aLostUpdateFoundWithManyPreemptionsShrinksToTheOneItNeeds() {
    Failure f = shrunk("lost-update", 1, LOST_UPDATE, "lost update: count is 1");
    assertEquals(1, f.preemptions(), f.message());
    // Each switch says why it happened, and the noise loops show once.
    assertTrue(f.trace().contains("~ switch: T0 blocked on join T1\n"), f.trace());
    assertTrue(f.trace().matches("(?s).*~ switch: T[12] ended\n.*"), f.trace());
    assertTrue(f.trace().contains("~ <iterations 2-"), f.trace());
  }

  @Test
  void shrinkingReducesAFailingScheduleWithManyPreemptionsToTheKnownMinimum() {
    Failure f = shrunk("both-flags", 1, BOTH_FLAGS, "saw both flags raised");
    assertEquals(2, f.preemptions(), f.message());
    assertTrue(f.headline().contains("with 2 preemptions"), f.headline());
  }

  @Test
  void aDeadlockFoundUnderRandomShrinksToo() {
    Failure f = shrunk("deadlock", 1, DEADLOCK, "Deadlock");
    assertEquals(FailureKind.DEADLOCK, f.kind());
    assertEquals(1, f.preemptions(), f.message());
  }

  /**
   * Over several seeds: never more preemptions than the failure as found, nor more steps at the
   * same count; the schedule file keeps the found choices as {@code original}; the short string
   * replays the shrunk schedule to the same trace; and the same seed shrinks the same way.
   */
  @ParameterizedTest
  @ValueSource(longs = {2, 3, 4, 5, 6})
  void shrinkingNeverGrowsAFailureAndKeepsTheOriginal(long seed) {
    String name = "never-grows-" + seed;
    Failure original = Weft.exploreInterleavings(random(name + "-off", seed, false), BOTH_FLAGS)
        .failure().orElseThrow();
    Failure shrunk = FoundBugs.assertFoundAndReplayed(random(name, seed, true), BOTH_FLAGS,
        "saw both flags raised");
    assertEquals(original.execution(), shrunk.execution(), "the same failure, shrunk");
    assertTrue(shrunk.preemptions() <= original.preemptions(), shrunk.message());
    if (shrunk.preemptions() == original.preemptions()) {
      assertTrue(shrunk.steps() <= original.steps(), shrunk.message());
    }
    assertFalse(original.details().contains("Shrunk"), "shrink(false) leaves it alone");

    Schedule off = ScheduleFiles.read(original.scheduleFile().toString(), version());
    Schedule on = ScheduleFiles.read(shrunk.scheduleFile().toString(), version());
    assertEquals(off.choices(), off.original());
    assertEquals(off.choices(), on.original());
    assertEquals(shrunk.details().contains("Shrunk from"), !on.choices().equals(on.original()));

    ReplayResult fromString = Weft.replay(shrunk.schedule(), BOTH_FLAGS);
    assertEquals(ReplayResult.Status.REPRODUCED, fromString.status(), fromString.message());
    assertEquals(shrunk.trace(), fromString.trace());

    Failure again = Weft.exploreInterleavings(random(name + "-again", seed, true), BOTH_FLAGS)
        .failure().orElseThrow();
    assertEquals(shrunk.schedule(), again.schedule());
    assertEquals(shrunk.trace(), again.trace());
  }

  @Test
  void shrinkingStopsAtItsBudgetOfRuns() {
    Options few = random("few-runs", 1, true).toBuilder().shrinkRuns(3).build();
    Failure f = Weft.exploreInterleavings(few, BOTH_FLAGS).failure().orElseThrow();
    assertTrue(f.preemptions() > 2, "unlimited, it takes more runs to reach 2:\n" + f.message());
    Matcher m = SHRUNK.matcher(f.details());
    assertTrue(!m.find() || Integer.parseInt(m.group(5)) <= 3, f.details());
  }

  private static String version() {
    return dev.weft.explorer.explore.WeftVersion.get();
  }
}
