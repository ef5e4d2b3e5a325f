package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.samples.explorer.Stacks;
import dev.weft.samples.linearizability.StackChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code -Dweft.replay} on a linearizability check: the check replays the schedule file's execution
 * on the scenario the file names, drawn again and minimised by the same steps, instead of
 * exploring; a schedule it cannot replay is a clear error.
 */
@ResourceLock("weft.replay")
class LinearizabilityReplayPropertyTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(Linearizability.REPLAY_PROPERTY);
  }

  @Test
  void aMinimisedFailureReplaysFromItsScheduleFileAlone() {
    Linearizability<Stacks.Stack, Stacks.Sequential> check =
        StackChecks.stack(Stacks.ReadThenSet::new).threads(3).operationsPerThread(3);
    LinearizabilityResult found = check.check(StackChecks.dfs("replay-property-minimised"));
    Failure f = found.failure().orElseThrow();
    assertTrue(found.failingScenario().calls() < found.drawnScenario().calls(),
        "the failure was not minimised, so this test would not cover rebuilding: "
            + found.failingScenario());

    System.setProperty(Linearizability.REPLAY_PROPERTY, f.scheduleFile().toString());
    LinearizabilityResult replayed = check.check(StackChecks.dfs("replay-property-minimised"));
    assertEquals(found.failingScenario(), replayed.failingScenario());
    assertEquals(found.drawnScenario(), replayed.drawnScenario());
    assertNull(replayed.lastExploration());
    ReplayResult r = replayed.replayed();
    assertEquals(ReplayResult.Status.REPRODUCED, r.status(), r.message());
    assertEquals(f.trace(), r.trace());
    AssertionError e = assertThrows(AssertionError.class, replayed::assertLinearizable);
    assertTrue(e.getMessage().startsWith("Replayed: "), e.getMessage());
    assertTrue(e.getMessage().contains("not linearizable: " + found.failingScenario()),
        e.getMessage());
  }

  @Test
  void aScheduleStringIsRefusedWithTheReason() {
    Failure f = StackChecks.stack(Stacks.ReadThenSet::new)
        .check(StackChecks.dfs("replay-property-string")).failure().orElseThrow();
    System.setProperty(Linearizability.REPLAY_PROPERTY, f.schedule());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StackChecks.stack(Stacks.ReadThenSet::new)
            .check(StackChecks.dfs("replay-property-string")));
    assertEquals("Weft cannot replay the schedule given by -Dweft.replay: a linearizability check"
        + " replays a schedule file, which names the scenario; pass the file's path instead of the"
        + " weft1;... string", e.getMessage());
  }

  @Test
  void anotherChecksScheduleIsRefusedWithTheReason() {
    Failure f = StackChecks.stack(Stacks.ReadThenSet::new)
        .check(StackChecks.dfs("replay-property-other")).failure().orElseThrow();
    System.setProperty(Linearizability.REPLAY_PROPERTY, f.scheduleFile().toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StackChecks.stack(Stacks.ReadThenSet::new).check(StackChecks.dfs("not-that-one")));
    assertTrue(e.getMessage().startsWith("Weft cannot replay the schedule given by -Dweft.replay:"
        + " the schedule was recorded for replay-property-other-scenario-"), e.getMessage());
    assertTrue(e.getMessage().endsWith(", not for a scenario of the linearizability check"
        + " not-that-one"), e.getMessage());
  }
}
