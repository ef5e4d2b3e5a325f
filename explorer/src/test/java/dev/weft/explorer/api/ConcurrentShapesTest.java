package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.ConcurrentShapes;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Systematic search finds the bugs hidden behind a {@code Map} variable, method references and an
 * interrupt (it used to call them covered), and a check-then-act right after a {@code
 * computeIfAbsent} (the thread was taken to be still inside it, so never preempted), and proves the {@code computeIfAbsent} program,
 * whose function runs under the JDK's own lock (it used to get stuck).
 */
class ConcurrentShapesTest {
  static Stream<FoundBugs.Sample> buggy() {
    return Stream.of(
        new FoundBugs.Sample("through-map", ConcurrentShapes::checkThenActThroughMap,
            "put 2 times"),
        new FoundBugs.Sample("method-references",
            ConcurrentShapes::lostUpdateThroughMethodReferences, "lost update: 1"),
        new FoundBugs.Sample("interrupt", ConcurrentShapes::interruptBeforeLock,
            "the worker ran before the interrupt"),
        new FoundBugs.Sample("after-compute-if-absent",
            ConcurrentShapes::checkThenActAfterComputeIfAbsent, "claimed 2 times"));
  }

  @ParameterizedTest
  @MethodSource("buggy")
  void systematicSearchFindsTheBugAndItReplays(FoundBugs.Sample sample) {
    FoundBugs.assertFoundAndReplayed(sample);
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
