package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.linearizability.Maps;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checking a map one key at a time (P-compositionality): the same verdicts as the whole search and
 * as a brute-force enumeration, a witness of the whole history built from the keys' orders, the
 * failing key named, and the whole search kept when a call touches every key.
 */
class PartitionedCheckerTest {
  private static final SequentialSpec<HashMap<Integer, Integer>> BY_KEY =
      RandomHistories.MAP.partitionBy(call -> call.arguments().get(0));

  @Test
  void agreesWithEveryOrderEnumeratedOnSmallRandomHistoriesAlsoUnderQuiescentConsistency() {
    Random random = new Random(20261206);
    int histories = 3_000;
    int linearizable = 0;
    for (int h = 0; h < histories; h++) {
      List<Call> calls = RandomHistories.of(random, 2 + random.nextInt(2), 1 + random.nextInt(3),
          RandomHistories.map(2));
      boolean expected = BruteForce.explained(RandomHistories.MAP, calls, Call::precedes);
      Verdict whole = LinearizabilityChecker.check(RandomHistories.MAP, calls);
      Verdict byKey = LinearizabilityChecker.check(BY_KEY, calls);
      assertEquals(expected, whole.linearizable(), () -> "whole, history " + calls);
      assertEquals(expected, byKey.linearizable(), () -> "by key, history " + calls);
      // Parts keep the whole history's quiescent points, not their own. (Only on small histories:
      // a busy period's calls go in any order, so the whole search grows fast with its length.)
      assertEquals(
          LinearizabilityChecker.check(RandomHistories.MAP, calls, Consistency.QUIESCENT)
              .linearizable(),
          LinearizabilityChecker.check(BY_KEY, calls, Consistency.QUIESCENT).linearizable(),
          () -> "quiescent, history " + calls);
      if (expected) {
        linearizable++;
        assertWitness(calls, byKey.order());
      }
    }
    assertTrue(linearizable > histories / 10 && linearizable < histories * 9 / 10,
        linearizable + " of " + histories + " linearizable");
  }

  @Test
  void agreesWithTheWholeSearchOnLongerRandomHistories() {
    Random random = new Random(20261207);
    int histories = 2_000;
    int linearizable = 0;
    for (int h = 0; h < histories; h++) {
      List<Call> calls = RandomHistories.of(random, 2 + random.nextInt(3), 2 + random.nextInt(10),
          RandomHistories.map(1 + random.nextInt(4)));
      Verdict whole = LinearizabilityChecker.check(RandomHistories.MAP, calls);
      Verdict byKey = LinearizabilityChecker.check(BY_KEY, calls);
      assertEquals(whole.linearizable(), byKey.linearizable(), () -> "history " + calls);
      if (byKey.linearizable()) {
        linearizable++;
        assertWitness(calls, byKey.order());
      }
    }
    assertTrue(linearizable > histories / 10 && linearizable < histories * 9 / 10,
        linearizable + " of " + histories + " linearizable");
  }

  @Test
  void theVerdictNamesTheKeyWhoseCallsAloneAreNotLinearizable() {
    // Key 0 is fine; on key 1, a get returns a value nobody put.
    List<Call> calls = List.of(
        new Call(0, 1, "put", List.of(0, 2), null, 0, 2),
        new Call(1, 2, "put", List.of(1, 1), null, 1, 3),
        new Call(2, 1, "get", List.of(1), 2, 4, 5));
    assertFalse(LinearizabilityChecker.check(RandomHistories.MAP, calls).linearizable());
    Verdict verdict = LinearizabilityChecker.check(BY_KEY, calls);
    assertFalse(verdict.linearizable());
    assertEquals(1, verdict.part());
    assertEquals(List.of(calls.get(1)), verdict.order());
    assertEquals(List.of(new Verdict.Candidate(calls.get(2), 1)), verdict.stuck());
    assertTrue(verdict.explanation().startsWith("Taking only the calls on 1: no sequential order"),
        verdict.explanation());
  }

  @Test
  void aCallOnEveryKeyMakesTheSearchWhole() {
    // size() touches both keys, so its part is null: searched alone, from a fresh map, it would
    // return 0 and the history would wrongly fail.
    SequentialSpec<HashMap<Integer, Integer>> withSize = SequentialSpec.<HashMap<Integer, Integer>>of(
        HashMap::new, HashMap::new, java.util.Map::copyOf,
        (map, call) -> call.operation().equals("size") ? map.size()
            : RandomHistories.MAP.apply(map, call))
        .partitionBy(call -> call.operation().equals("size") ? null : call.arguments().get(0));
    List<Call> calls = List.of(
        new Call(0, 1, "put", List.of(0, 2), null, 0, 1),
        new Call(1, 1, "put", List.of(1, 1), null, 2, 3),
        new Call(2, 2, "size", List.of(), 2, 4, 5));
    Verdict verdict = LinearizabilityChecker.check(withSize, calls);
    assertTrue(verdict.linearizable(), verdict.explanation());
    assertNull(verdict.part());
    assertEquals(calls, verdict.order());
  }

  @Test
  void checkingByKeyVisitsFarFewerStatesOnALongHistory() {
    // Four keys, 3 threads of 100 calls: the whole search's states combine the keys' values, the
    // parts' do not.
    List<Call> calls = RandomHistories.of(new Random(11), 3, 100, RandomHistories.map(4));
    Verdict whole = LinearizabilityChecker.check(RandomHistories.MAP, calls);
    Verdict byKey = LinearizabilityChecker.check(BY_KEY, calls);
    assertEquals(whole.linearizable(), byKey.linearizable());
    assertTrue(byKey.statesExplored() * 2 < whole.statesExplored(),
        byKey.statesExplored() + " states by key, " + whole.statesExplored() + " whole");
  }

  @Test
  void aCheckByKeyFindsTwoPutsThatReturnTheSameOldValue() {
    LinearizabilityResult result = Linearizability.<Maps.ReadThenSet, Maps.Model>of(
            Maps.ReadThenSet::new, Maps.Model::new, Maps.Model::copy, Maps.Model::state)
        .operations(
            new Operation<>("put", random -> List.of(random.nextInt(2), 1 + random.nextInt(2)),
                (m, args) -> m.put((Integer) args.get(0), (Integer) args.get(1))),
            new Operation<>("get", random -> List.of(random.nextInt(2)),
                (m, args) -> m.get((Integer) args.get(0))))
        .partitionBy(call -> call.arguments().get(0))
        .threads(2).operationsPerThread(3).scenarios(20).seed(5).minimisationRuns(0)
        .check(dev.weft.explorer.api.Options.builder()
            .strategy(dev.weft.explorer.api.StrategyKind.DFS).iterations(5_000)
            .testName("read-then-set-map-by-key").build());
    dev.weft.explorer.api.Failure f = result.failure().orElseThrow(() -> new AssertionError(
        "no scenario failed: " + result.lastExploration().summary()));
    // Unminimised, so that the scenario's calls touch both keys and the search takes them apart.
    assertEquals(2, result.failingScenario().threads().stream().flatMap(List::stream)
        .map(call -> call.arguments().get(0)).distinct().count(), result.failingScenario()::toString);
    assertTrue(f.message().contains("Taking only the calls on "), f.message());
  }

  /** The witness respects real time and gives every call its result on one map. */
  private static void assertWitness(List<Call> calls, List<Call> order) {
    assertEquals(calls.size(), order.size());
    assertEquals(calls.size(), order.stream().distinct().count(), "order " + order);
    HashMap<Integer, Integer> model = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        assertFalse(order.get(j).precedes(order.get(i)), "order breaks real time: " + order);
      }
      assertEquals(order.get(i).result(), RandomHistories.MAP.apply(model, order.get(i)),
          "order " + order);
    }
  }
}
