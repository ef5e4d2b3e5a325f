package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.samples.property.Caches;
import dev.weft.samples.property.Counters;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * forAllConcurrent: a counter that loses updates and a check-then-act cache are caught, their
 * inputs shrunk, and the reported schedule replays to the identical trace; their correct
 * counterparts give the sequential outcomes in every execution of the whole budget.
 */
class ForAllConcurrentTest {
  private static Options options(StrategyKind strategy, int iterations, String name) {
    return Options.builder().strategy(strategy).iterations(iterations).testName(name).build();
  }

  private static ForAllConcurrent<Counters.ReadThenWrite, Integer, Integer> racyCounter() {
    return Properties.forAllConcurrent(Gen.ints(1, 50), 2, Counters.ReadThenWrite::new,
            Counters.ReadThenWrite::addAndGet)
        .withTests(5).withOptions(options(StrategyKind.RANDOM, 200, "racy-counter"));
  }

  private static void assertReplaysIdentically(Difference<?, ?> d, Object body) {
    ReplayResult fromString =
        Weft.replay(d.failure().schedule(), (dev.weft.explorer.api.Body) body);
    assertEquals(ReplayResult.Status.REPRODUCED, fromString.status(), fromString.message());
    assertEquals(d.failure().trace(), fromString.trace());
    ReplayResult fromFile =
        Weft.replay(d.failure().scheduleFile().toString(), (dev.weft.explorer.api.Body) body);
    assertEquals(ReplayResult.Status.REPRODUCED, fromFile.status(), fromFile.message());
    assertEquals(d.failure().trace(), fromFile.trace());
  }

  @Test
  void aLostUpdateIsFoundShrunkAndItsScheduleReplays() {
    ForAllConcurrent<Counters.ReadThenWrite, Integer, Integer> property = racyCounter();
    ConcurrentTestResult<Integer, Integer> r = property.check();
    assertFalse(r.deterministic());
    assertEquals(5, r.inputsTested());
    assertEquals(5, r.raceConditionsDetected(), "every input can lose an update");
    Difference<Integer, Integer> d = r.firstDifference().orElseThrow();
    assertEquals(1, d.shrunkInput(), "shrunk to the range's origin");
    assertTrue(d.shrinkSteps() > 0 || d.input() == 1, d.toString());
    assertEquals(List.of(Outcome.returned(1), Outcome.returned(2)), d.sequential());
    assertEquals(List.of(Outcome.returned(1), Outcome.returned(1)), d.perThread());
    assertTrue(d.failure().summary().contains("not deterministic for input 1: one after another"
        + " [1, 2], at once [1, 1]"), d.failure().summary());
    assertReplaysIdentically(d, property.body(d.shrunkInput()));
    AssertionError e = assertThrows(AssertionError.class, r::assertDeterministic);
    assertTrue(e.getMessage().startsWith("5 of 5 inputs gave a result that their sequential run"
        + " does not"), e.getMessage());
    assertTrue(e.getMessage().contains("  at once, per thread: [1, 1]\n"), e.getMessage());
    assertTrue(e.getMessage().contains(d.failure().trace()), e.getMessage());
    assertTrue(e.getMessage().contains("Weft.replay(\"" + d.failure().schedule()
        + "\", property.body(1))"), e.getMessage());
  }

  @Test
  void eightThreadsLosingAnUpdateShrinkToTwoWhoseScheduleReplays() {
    ForAllConcurrent<Counters.ReadThenWrite, Integer, Integer> property =
        Properties.forAllConcurrent(Gen.ints(1, 50), 8, Counters.ReadThenWrite::new,
                Counters.ReadThenWrite::addAndGet)
            .withTests(2).withOptions(options(StrategyKind.RANDOM, 200, "racy-counter-8"));
    ConcurrentTestResult<Integer, Integer> r = property.check();
    Difference<Integer, Integer> d = r.firstDifference().orElseThrow();
    assertEquals(8, d.threads());
    assertEquals(2, d.shrunkThreads(), "two threads are enough to lose an update");
    assertEquals(1, d.shrunkInput());
    assertEquals(List.of(Outcome.returned(1), Outcome.returned(2)), d.sequential());
    assertEquals(List.of(Outcome.returned(1), Outcome.returned(1)), d.perThread());
    assertTrue(d.failure().trace().contains("T2") && !d.failure().trace().contains("T3"),
        d.failure().trace());
    assertReplaysIdentically(d, property.body(d.shrunkInput(), d.shrunkThreads()));
    String report = r.report();
    assertTrue(report.contains("input 1 (shrunk from " + d.input() + " in " + d.shrinkSteps()
        + (d.shrinkSteps() == 1 ? " step" : " steps") + "), 2 threads (shrunk from 8)\n"), report);
    assertTrue(report.contains("Weft.replay(\"" + d.failure().schedule()
        + "\", property.body(1, 2))"), report);
  }

  @Test
  void aBodyOfFewerThanTwoThreadsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> racyCounter().body(1, 1));
    assertEquals("a concurrent body needs at least 2 threads, was 1", e.getMessage());
  }

  @Test
  void theSameSeedFindsTheSameDifferenceAndSchedule() {
    Difference<Integer, Integer> a = racyCounter().check().firstDifference().orElseThrow();
    Difference<Integer, Integer> b = racyCounter().check().firstDifference().orElseThrow();
    assertEquals(List.of(a.test(), a.input(), a.shrunkInput(), a.failure().schedule()),
        List.of(b.test(), b.input(), b.shrunkInput(), b.failure().schedule()));
  }

  @Test
  void anAtomicCounterGivesTheSequentialOutcomesInEveryExecution() {
    ConcurrentTestResult<Integer, Integer> r = Properties.forAllConcurrent(Gen.ints(1, 50), 3,
            Counters.Atomic::new, Counters.Atomic::addAndGet)
        .withTests(8).withOptions(options(StrategyKind.RANDOM, 50, "atomic-counter")).check();
    r.assertDeterministic();
    assertEquals(0, r.raceConditionsDetected());
    assertEquals(8 * 50, r.executions(), "the whole budget of every input was explored");
  }

  @Test
  void systematicSearchProvesTheAtomicCounterForEachInput() {
    ConcurrentTestResult<Integer, Integer> r = Properties.forAllConcurrent(Gen.ints(1, 50), 2,
            Counters.Atomic::new, Counters.Atomic::addAndGet)
        .withTests(3).withOptions(options(StrategyKind.DFS, 10_000, "atomic-counter-dfs")).check();
    r.assertDeterministic();
    assertTrue(r.executions() < 3 * 10_000, "DFS ran out of interleavings before the budget");
  }

  @Test
  void perThreadEquivalenceAlsoFlagsHarmlessReorderings() {
    // Which thread adds first differs between interleavings: the same outcomes, handed out in
    // another order, which the default accepts and the stricter equivalence does not.
    ConcurrentTestResult<Integer, Integer> r = Properties.forAllConcurrent(Gen.ints(1, 50), 2,
            Counters.Atomic::new, Counters.Atomic::addAndGet)
        .withTests(2).withEquivalence(Equivalence.sameOutcomePerThread())
        .withOptions(options(StrategyKind.RANDOM, 100, "atomic-counter-per-thread")).check();
    Difference<Integer, Integer> d = r.firstDifference().orElseThrow();
    assertEquals(List.of(Outcome.returned(2), Outcome.returned(1)), d.perThread());
    assertEquals(1, d.shrunkInput());
  }

  private static final Gen<Pair<String, String>> ENTRIES =
      Gen.zip(Gen.strings("abc", 1, 4), Gen.strings("xyz", 1, 4));

  @Test
  void aCheckThenActCacheIsCaughtAndItsScheduleReplays() {
    ForAllConcurrent<Caches.CheckThenAct, Pair<String, String>, String> property =
        Properties.forAllConcurrent(ENTRIES, 2, Caches.CheckThenAct::new,
                (Caches.CheckThenAct cache, Pair<String, String> e) ->
                    cache.putIfAbsent(e.first(), e.second()))
            .withTests(4).withOptions(options(StrategyKind.DFS, 2_000, "check-then-act"));
    ConcurrentTestResult<Pair<String, String>, String> r = property.check();
    Difference<Pair<String, String>, String> d = r.firstDifference().orElseThrow();
    assertEquals(new Pair<>("a", "x"), d.shrunkInput());
    assertEquals(List.of(Outcome.returned(null), Outcome.returned("x")), d.sequential());
    assertEquals(List.of(Outcome.returned(null), Outcome.returned(null)), d.perThread(),
        "both threads found the key absent and put");
    assertNotNull(d.failure().scheduleFile());
    assertReplaysIdentically(d, property.body(d.shrunkInput()));
  }

  @Test
  void concurrentHashMapsPutIfAbsentIsDeterministic() {
    Properties.forAllConcurrent(ENTRIES, 2, ConcurrentHashMap<String, String>::new,
            (ConcurrentHashMap<String, String> map, Pair<String, String> e) ->
                map.putIfAbsent(e.first(), e.second()))
        .withTests(4).withOptions(options(StrategyKind.PCT, 100, "chm")).check()
        .assertDeterministic();
  }

  @Test
  void oneThreadIsRefused() {
    assertEquals("forAllConcurrent needs at least 2 threads, was 1; for one thread use forAll",
        assertThrows(IllegalArgumentException.class, () -> Properties.forAllConcurrent(
            Gen.ints(0, 1), 1, Counters.Atomic::new, Counters.Atomic::addAndGet)).getMessage());
  }
}
