package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every test of a buggy sample makes: the bug is found, and its schedule replays it. */
final class FoundBugs {
  private FoundBugs() {}

  /** A buggy sample: its body, and words its failure must contain. */
  record Sample(String name, Body body, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Systematic search over {@code sample}, which must find and replay its bug. */
  static Failure assertFoundAndReplayed(Sample sample) {
    Options options = Options.builder().strategy(StrategyKind.DFS).iterations(1_000)
        .testName(sample.name()).build();
    return assertFoundAndReplayed(options, sample.body(), sample.message());
  }

  /** Explores {@code body}; the failure must name {@code message} and replay to the same trace. */
  static Failure assertFoundAndReplayed(Options options, Body body, String message) {
    ExplorationResult result = Weft.exploreInterleavings(options, body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertTrue(f.summary().contains(message), f.summary());
    ReplayResult replay = Weft.replay(f.scheduleFile().toString(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
    return f;
  }
}
