package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.LeftoverState;
import org.junit.jupiter.api.Test;

/** A replay checks every step against the recording and names the first difference. */
class NondeterminismTest {
  @Test
  void aProgramThatChangesUnderTheSameScheduleIsReportedAtTheFirstDifferentStep() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(10).testName("leftover-state").build(), LeftoverState::run);
    Failure f = result.failure().orElseThrow();
    assertTrue(f.message().contains("not deterministic under a fixed schedule"), f.message());

    ReplayResult replay = Weft.replay(f.scheduleFile().toString(), LeftoverState::run);
    assertEquals(ReplayResult.Status.DIVERGED, replay.status(), replay.message());
    String m = replay.message();
    assertTrue(m.contains("the program is not deterministic under a fixed schedule: at step "), m);
    assertTrue(m.contains("LeftoverState.java:18"), "names the write that differs: " + m);
    assertTrue(m.contains("Likely sources: a thread Weft does not control"), m);
  }
}
