package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.samples.explorer.Stacks;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quiescent consistency: the checker against a brute force that finds quiescent points on its own,
 * a history it admits and linearizability does not, and the option through {@link Linearizability}.
 */
class QuiescentConsistencyTest {
  @Test
  void agreesWithEveryOrderEnumeratedOnSmallRandomHistories() {
    Random random = new Random(20261205);
    int histories = 3_000;
    int consistent = 0;
    int onlyQuiescent = 0;
    for (int h = 0; h < histories; h++) {
      List<Call> calls = RandomHistories.queue(random, 2 + random.nextInt(2), 1 + random.nextInt(3));
      boolean expected = BruteForce.explained(LinearizabilityCheckerTest.QUEUE, calls,
          (a, b) -> quiescentBetween(calls, a, b));
      Verdict verdict =
          LinearizabilityChecker.check(LinearizabilityCheckerTest.QUEUE, calls, Consistency.QUIESCENT);
      assertEquals(expected, verdict.linearizable(), () -> "history " + calls);
      boolean linearizable =
          LinearizabilityChecker.check(LinearizabilityCheckerTest.QUEUE, calls).linearizable();
      assertTrue(!linearizable || expected, () -> "linearizable but not quiescent: " + calls);
      if (expected) consistent++;
      if (expected && !linearizable) onlyQuiescent++;
    }
    // Both answers are common, and the histories where the two conditions differ are not rare.
    assertTrue(consistent > histories / 10 && consistent < histories * 9 / 10,
        consistent + " of " + histories + " quiescently consistent");
    assertTrue(onlyQuiescent > histories / 100, onlyQuiescent + " only quiescently consistent");
  }

  @Test
  void aPollMayOvertakeAnOfferOfItsOwnThreadWhileAnotherCallIsPending() {
    // T2's offer(2) is pending throughout, so there is no quiescent point: T1's poll may go before
    // T1's own offer(1), which linearizability forbids since the offer returned first.
    List<Call> calls = List.of(
        new Call(0, 2, "offer", List.of(2), true, 0, 5),
        new Call(1, 1, "offer", List.of(1), true, 1, 2),
        new Call(2, 1, "poll", List.of(), null, 3, 4));
    SequentialSpec<?> queue = LinearizabilityCheckerTest.QUEUE;
    assertFalse(LinearizabilityChecker.check(queue, calls).linearizable());
    Verdict verdict = LinearizabilityChecker.check(queue, calls, Consistency.QUIESCENT);
    assertTrue(verdict.linearizable());
    assertEquals(calls.get(2), verdict.order().get(0));
  }

  @Test
  void callsSeparatedByAQuiescentPointKeepTheirOrder() {
    List<Call> calls = List.of(
        new Call(0, 1, "offer", List.of(1), true, 0, 1),
        new Call(1, 2, "poll", List.of(), null, 2, 3));
    Verdict verdict = LinearizabilityChecker.check(
        LinearizabilityCheckerTest.QUEUE, calls, Consistency.QUIESCENT);
    assertFalse(verdict.linearizable());
    assertTrue(verdict.explanation().contains("T2 poll() = null, but the specification returns 1"),
        verdict.explanation());
  }

  @Test
  void aLostPushIsNotQuiescentlyConsistentOnceAQuiescentPointFollowsIt() {
    // Two pushes race and one is lost; after both return, pops find one value where the model has
    // two, which no order within the later busy periods explains.
    LinearizabilityResult result = Linearizability
        .<Stacks.Stack, Stacks.Sequential>of(Stacks.ReadThenSet::new, Stacks.Sequential::new,
            Stacks.Sequential::copy, Stacks.Sequential::state)
        .operations(
            Operation.of("push", List.of(1, 2), (s, v) -> {
              s.push(v);
              return null;
            }),
            Operation.of("pop", Stacks.Stack::pop))
        .consistency(Consistency.QUIESCENT)
        .threads(2).operationsPerThread(2).scenarios(10).seed(3)
        .check(Options.builder().strategy(StrategyKind.DFS).iterations(5_000)
            .testName("read-then-set-quiescent").build());
    Failure f = result.failure().orElseThrow(() -> new AssertionError(
        "no scenario failed: " + result.lastExploration().summary()));
    assertTrue(f.summary().contains("not quiescently consistent: " + result.failingScenario()),
        f.summary());
  }

  @Test
  void noConsistencyIsAClearError() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> LinearizabilityChecker.check(LinearizabilityCheckerTest.QUEUE, List.of(), null));
    assertEquals("consistency", e.getMessage());
  }

  /**
   * Whether some moment after {@code earlier} responded and before {@code later} was invoked has
   * no call pending; moments are the gaps between events, so no span covers a gap it ends at.
   */
  private static boolean quiescentBetween(List<Call> calls, Call earlier, Call later) {
    for (int gap = earlier.responded(); gap < later.invoked(); gap++) {
      int g = gap; // the moment between event g and event g + 1
      if (calls.stream().noneMatch(c -> c.invoked() <= g && g < c.responded())) return true;
    }
    return false;
  }
}
