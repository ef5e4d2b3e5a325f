package dev.weft.samples.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.linearizability.Linearizability;
import dev.weft.explorer.linearizability.LinearizabilityResult;
import dev.weft.explorer.linearizability.Operation;
import dev.weft.explorer.linearizability.Scenario;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The JDK's own lock-free structures under a linearizability check, which opens them up: the
 * inside of a call into them is scheduled, so the known non-linearizable behaviour of {@code
 * ConcurrentLinkedDeque} (a peek or poll at one end racing with adds and polls at the other) is
 * found, replayed and minimised, while the JDK's linearizable structures report nothing. The
 * search with a sampling strategy and the passing structures' whole budgets run in the full sweep
 * ({@code -Dweft.corpus=full}): minutes, not seconds.
 */
class JdkStructuresLinearizabilityTest {
  private static Linearizability<Deque<Integer>, ArrayDeque<Integer>> deque() {
    return Linearizability.<Deque<Integer>, ArrayDeque<Integer>>of(
            ConcurrentLinkedDeque::new, ArrayDeque::new, ArrayDeque::new, List::copyOf)
        .operations(
            Operation.of("addFirst", List.of(1, 2), (d, v) -> {
              d.addFirst(v);
              return null;
            }),
            Operation.of("addLast", List.of(1, 2), (d, v) -> {
              d.addLast(v);
              return null;
            }),
            Operation.of("pollFirst", Deque::pollFirst),
            Operation.of("peekLast", Deque::peekLast))
        .threads(2).operationsPerThread(3).scenarios(40).seed(1);
  }

  private static Options dfs(String name, int iterations) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(iterations).testName(name)
        .build();
  }

  @Test
  void concurrentLinkedDequeIsFoundNotLinearizableAndItsMinimisedScheduleReplays() {
    assertFoundMinimisedAndReplayed(deque(), dfs("jdk-deque", 2_000));
  }

  @Test
  @EnabledIfSystemProperty(named = "weft.corpus", matches = "full")
  void concurrentLinkedDequeIsFoundNotLinearizableUnderPct() {
    assertFoundMinimisedAndReplayed(deque(), Options.builder().strategy(StrategyKind.PCT)
        .iterations(1_000).seed(1).testName("jdk-deque-pct").build());
  }

  private static void assertFoundMinimisedAndReplayed(
      Linearizability<Deque<Integer>, ArrayDeque<Integer>> check, Options options) {
    LinearizabilityResult result = check.check(options);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(
        "no scenario failed: " + result.lastExploration().summary()));
    Scenario minimal = result.failingScenario();
    assertTrue(f.summary().contains("not linearizable: " + minimal), f.summary());
    assertTrue(minimal.calls() <= result.drawnScenario().calls());
    assertEquals(2, minimal.threads().size(), "one thread alone is sequential: " + minimal);
    // The failure happens inside the deque's calls: its trace shows the deque's own accesses.
    assertTrue(f.trace().contains("ConcurrentLinkedDeque.java"), f.trace());
    ReplayResult replay = check.replay(minimal, f.scheduleFile().toString());
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  /**
   * Offers of 1 or 2, polls and peeks, 2 threads of 3 calls. Not {@code size()}: the JDK says a
   * concurrent queue's size is not accurate under concurrent change, and Weft finds it so.
   */
  private static Linearizability<Queue<Integer>, ArrayDeque<Integer>> queue(
      Supplier<Queue<Integer>> concurrent) {
    return Linearizability.<Queue<Integer>, ArrayDeque<Integer>>of(
            concurrent, ArrayDeque::new, ArrayDeque::new, List::copyOf)
        .operations(
            Operation.of("offer", List.of(1, 2), Queue::offer),
            Operation.of("poll", Queue::poll),
            Operation.of("peek", Queue::peek))
        .threads(2).operationsPerThread(3).scenarios(8).seed(2);
  }

  /** Puts, removes and gets on keys 1 and 2, 2 threads of 3 calls. */
  private static Linearizability<Map<Integer, Integer>, Map<Integer, Integer>> map(
      Supplier<Map<Integer, Integer>> concurrent, Supplier<Map<Integer, Integer>> model,
      java.util.function.UnaryOperator<Map<Integer, Integer>> copy) {
    return Linearizability.<Map<Integer, Integer>, Map<Integer, Integer>>of(
            concurrent, model, copy, m -> new TreeMap<>(m))
        .operations(
            Operation.of("put", List.of(1, 2), (m, k) -> m.put(k, k)),
            Operation.of("remove", List.of(1, 2), Map::remove),
            Operation.of("get", List.of(1, 2), Map::get),
            Operation.of("putIfAbsent", List.of(1, 2), (m, k) -> m.putIfAbsent(k, -k)))
        .threads(2).operationsPerThread(3).scenarios(8).seed(3);
  }

  /** No failure, in every one of the 8 scenarios, each explored to its whole budget or proved. */
  private static void passesWholeBudget(LinearizabilityResult result) {
    assertFalse(result.failure().isPresent(),
        () -> result.failure().map(Failure::report).orElse(""));
    assertEquals(8, result.scenariosExplored());
    System.out.println("last scenario: " + result.lastExploration().summary());
  }

  /** The last scenario's search ended having covered every interleaving class: a proof. */
  private static void assertProved(LinearizabilityResult result) {
    ExplorationResult last = result.lastExploration();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, last.stopReason(), last.summary());
    assertTrue(last.statistics().coveredEverything(), last.summary());
  }

  @Test
  @EnabledIfSystemProperty(named = "weft.corpus", matches = "full")
  void concurrentLinkedQueueIsLinearizable() {
    LinearizabilityResult result = queue(ConcurrentLinkedQueue::new).check(dfs("jdk-clq", 3_000));
    passesWholeBudget(result);
    assertProved(result);
  }

  @Test
  @EnabledIfSystemProperty(named = "weft.corpus", matches = "full")
  void linkedBlockingQueueIsLinearizable() {
    LinearizabilityResult result = queue(LinkedBlockingQueue::new).check(dfs("jdk-lbq", 3_000));
    passesWholeBudget(result);
    assertProved(result);
  }

  @Test
  @EnabledIfSystemProperty(named = "weft.corpus", matches = "full")
  void concurrentHashMapIsLinearizable() {
    passesWholeBudget(map(ConcurrentHashMap::new, HashMap::new, HashMap::new)
        .check(dfs("jdk-chm", 2_000)));
  }

  @Test
  @EnabledIfSystemProperty(named = "weft.corpus", matches = "full")
  void concurrentSkipListMapIsLinearizable() {
    passesWholeBudget(map(ConcurrentSkipListMap::new, TreeMap::new, TreeMap::new)
        .check(dfs("jdk-cslm", 2_000)));
  }
}
