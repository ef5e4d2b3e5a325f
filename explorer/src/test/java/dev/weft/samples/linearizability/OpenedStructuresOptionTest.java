package dev.weft.samples.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Opening up the JDK's lock-free structures is an option, off unless asked for: a program's calls
 * on them stay one step each by default, as they were before the option existed, and only a
 * linearizability check (or a user who sets it) pays for the steps inside.
 */
class OpenedStructuresOptionTest {
  /**
   * Two threads on a {@code ConcurrentLinkedDeque}: {@code addLast(1), pollFirst()} against
   * {@code addFirst(2), peekLast()}. Run one call at a time in some order, they can only return
   * (1, 2), (2, 1) or (2, 2); anything else shows two calls overlapping as no order explains.
   */
  private static void pollAgainstPeek() throws InterruptedException {
    Deque<Integer> deque = new ConcurrentLinkedDeque<>();
    Integer[] results = new Integer[2];
    Thread first = new Thread(() -> {
      deque.addLast(1);
      results[0] = deque.pollFirst();
    });
    Thread second = new Thread(() -> {
      deque.addFirst(2);
      results[1] = deque.peekLast();
    });
    first.start();
    second.start();
    first.join();
    second.join();
    List<Integer> polledAndPeeked = List.of(results);
    if (!List.of(List.of(1, 2), List.of(2, 1), List.of(2, 2)).contains(polledAndPeeked)) {
      throw new AssertionError("pollFirst, peekLast returned " + polledAndPeeked
          + ", which no order of the four calls gives");
    }
  }

  private static Options.Builder dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(5_000).testName(name);
  }

  @Test
  void theDefaultLeavesTheStructuresClosedAndOpeningThemFindsTheDequesFailure() {
    assertNull(System.getProperty("weft.openJdkStructures"), "the property would set the default");
    assertFalse(Options.defaults().openJdkStructures());

    // Closed, each call is one step: the search covers every order of them and finds nothing.
    ExplorationResult closed =
        Weft.exploreInterleavings(dfs("closed-deque").build(), OpenedStructuresOptionTest::pollAgainstPeek);
    assertEquals(StopReason.EXHAUSTED, closed.stopReason(), closed.summary());
    ExplorationResult explicitlyClosed = Weft.exploreInterleavings(
        dfs("closed-deque").openJdkStructures(false).build(), OpenedStructuresOptionTest::pollAgainstPeek);
    assertEquals(closed.executions(), explicitlyClosed.executions());
    assertEquals(closed.statistics().maxSteps(), explicitlyClosed.statistics().maxSteps());

    ExplorationResult opened = Weft.exploreInterleavings(
        dfs("opened-deque").openJdkStructures(true).build(), OpenedStructuresOptionTest::pollAgainstPeek);
    Failure f = opened.failure().orElseThrow(() -> new AssertionError(opened.summary()));
    assertTrue(f.summary().contains("no order of the four calls gives"), f.report());
    assertTrue(f.trace().contains("ConcurrentLinkedDeque.java"), f.trace());
    assertTrue(opened.statistics().maxSteps() > closed.statistics().maxSteps());
    // The schedule says the structures were opened, so its replay opens them too.
    assertTrue(f.schedule().endsWith(";o=1"), f.schedule());
    ReplayResult replay = Weft.replay(f.schedule(), OpenedStructuresOptionTest::pollAgainstPeek);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  /**
   * Walking a map of a thousand entries takes thousands of accesses inside the map's code. Left
   * closed, each call on the map or its iterator is one step; opened, each access is, and the
   * default step bound ends the first execution, whose report says why: the cost the option keeps
   * from ordinary programs.
   */
  @Test
  void threadsWalkingALargeConcurrentMapAreNoLivelockByDefault() {
    Options.Builder random = Options.builder().strategy(StrategyKind.RANDOM).iterations(30)
        .testName("large-map");
    ExplorationResult closed =
        Weft.exploreInterleavings(random.build(), OpenedStructuresOptionTest::walkers);
    assertFalse(closed.failure().isPresent(),
        () -> closed.failure().map(Failure::report).orElse(""));
    assertEquals(30, closed.executions());
    // A step per call on the map and its iterator, well within the bound.
    assertTrue(closed.statistics().maxSteps() < Options.defaults().maxSteps() / 2,
        closed.statistics().toString());

    ExplorationResult opened = Weft.exploreInterleavings(
        random.iterations(1).openJdkStructures(true).shrink(false).build(),
        OpenedStructuresOptionTest::walkers);
    Failure f = opened.failure().orElseThrow(() -> new AssertionError(opened.summary()));
    assertEquals(FailureKind.LIVELOCK, f.kind(), f.report());
    assertTrue(f.report().contains("openJdkStructures"), f.report());
  }

  /**
   * A structure's call that runs the program's code, which calls into {@code
   * java.util.concurrent} again: when that inner call returns, the outer call is opened up again,
   * so the bin's monitor that {@code compute} took is released in the model when it is for real,
   * and the other thread's {@code compute} on that bin goes on while the first thread waits.
   */
  @Test
  void aCallInsideAStructuresCallbackLeavesTheStructureOpenedAfterIt() {
    ExplorationResult result = Weft.exploreInterleavings(
        dfs("nested-calls").openJdkStructures(true).build(), () -> {
          Map<Integer, Integer> map = new ConcurrentHashMap<>();
          map.put(1, 0); // a bin with a node, whose monitor compute takes
          AtomicInteger counter = new AtomicInteger();
          CountDownLatch computed = new CountDownLatch(1);
          Thread a = new Thread(() -> {
            map.compute(1, (k, v) -> counter.incrementAndGet());
            try {
              computed.await();
            } catch (InterruptedException e) {
              throw new AssertionError(e);
            }
          });
          Thread b = new Thread(() -> {
            map.compute(1, (k, v) -> counter.incrementAndGet());
            computed.countDown();
          });
          a.start();
          b.start();
          a.join();
          b.join();
          if (map.get(1) != 2) throw new AssertionError("a compute was lost: " + map);
        });
    assertFalse(result.failure().isPresent(),
        () -> result.failure().map(Failure::report).orElse(""));
    assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  /** A map of 1,000 entries, walked by two threads while a third puts. */
  private static void walkers() throws InterruptedException {
    Map<Integer, Integer> map = new ConcurrentHashMap<>();
    for (int i = 0; i < 1_000; i++) map.put(i, i);
    Runnable walk = () -> {
      long sum = 0;
      for (Map.Entry<Integer, Integer> e : map.entrySet()) sum += e.getValue();
      if (sum < 499_500) throw new AssertionError("an entry was missed: " + sum);
    };
    Thread a = new Thread(walk);
    Thread b = new Thread(walk);
    Thread c = new Thread(() -> map.put(1_000, 1_000));
    a.start();
    b.start();
    c.start();
    a.join();
    b.join();
    c.join();
  }
}
