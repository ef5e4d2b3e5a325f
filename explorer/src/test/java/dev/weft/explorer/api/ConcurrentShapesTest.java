package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.ConcurrentShapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Systematic search finds the bugs hidden behind a {@code Map} variable, method references and an
 * interrupt (it used to call them covered), and proves the {@code computeIfAbsent} program,
 * whose function runs under the JDK's own lock (it used to get stuck).
 */
class ConcurrentShapesTest {
  private static Options options(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(1_000).testName(name).build();
  }

  enum Buggy {
    THROUGH_MAP(ConcurrentShapes::checkThenActThroughMap, "put 2 times"),
    METHOD_REFERENCES(ConcurrentShapes::lostUpdateThroughMethodReferences, "lost update: 1"),
    INTERRUPT(ConcurrentShapes::interruptBeforeLock, "the worker ran before the interrupt");

    final Body body;
    final String message;

    Buggy(Body body, String message) {
      this.body = body;
      this.message = message;
    }
  }

  @ParameterizedTest
  @EnumSource(Buggy.class)
  void systematicSearchFindsTheBugAndItReplays(Buggy program) {
    ExplorationResult result = Weft.exploreInterleavings(options(program.name()), program.body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertTrue(f.summary().contains(program.message), f.summary());
    ReplayResult replay = Weft.replay(f.scheduleFile().toString(), program.body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void computeIfAbsentWithACallInsideIsProvedCorrect(StrategyKind strategy) {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(strategy).iterations(300).testName("cia-" + strategy).build(),
        ConcurrentShapes::computeIfAbsentOnce);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
  }
}
