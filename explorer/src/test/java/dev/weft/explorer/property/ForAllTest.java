package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * forAll: a failing property is reported with its shrunk input, the seed and the labels, and the
 * same whatever the number of threads and the distribution; a correct one passes every test.
 */
class ForAllTest {
  private static boolean sorted(List<Integer> l) {
    for (int i = 1; i < l.size(); i++) if (l.get(i - 1) > l.get(i)) return false;
    return true;
  }

  @Test
  void aFalsePropertyIsReportedWithItsShrunkInputAndTheSeed() {
    PropertyResult<List<Integer>> r = Properties.forAll(Gen.lists(Gen.ints(0, 100), 0, 20),
            list -> assertTrue(sorted(list), "not sorted"))
        .withSeed(42).check();
    assertEquals(PropertyResult.Status.FAILED, r.status());
    Counterexample<List<Integer>> c = r.counterexample().orElseThrow();
    assertEquals(List.of(1, 0), c.shrunk());
    assertFalse(sorted(c.original()));
    assertTrue(c.shrinkSteps() > 0);
    assertEquals(r.tests(), c.test(), "nothing discarded, so the failing test is the last run");
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().startsWith("Property failed at test " + c.test() + ", seed 42, in "),
        e.getMessage());
    assertTrue(e.getMessage().contains("counterexample: [1, 0]"), e.getMessage());
    assertTrue(e.getMessage().contains("error:          org.opentest4j.AssertionFailedError: not"
        + " sorted"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Reproduce with .withSeed(42)\n"), e.getMessage());
    assertEquals(c.error(), e.getCause());
  }

  @Test
  void aTruePropertyPassesEveryTestAndShowsItsLabels() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    PropertyResult<List<Integer>> r = Properties.forAll(Gen.lists(Gen.ints(-50, 50), 0, 10),
            (list, ctx) -> {
              seen.add(list.size());
              ctx.classify("empty", list.isEmpty());
              ctx.classify("long", list.size() > 5);
              List<Integer> twice = new ArrayList<>(list);
              Collections.reverse(twice);
              Collections.reverse(twice);
              assertEquals(list, twice);
            })
        .withTests(300).check().assertHolds();
    assertEquals(PropertyResult.Status.PASSED, r.status());
    assertEquals(300, r.tests());
    assertEquals(300, seen.size(), "every test ran, once");
    assertEquals(300, r.labels().tests());
    double empty = r.labels().percent("empty");
    assertTrue(empty > 0 && empty < 50, empty + "% empty");
    assertTrue(r.report().contains("Labels (300 tests):\n"), r.report());
    int longOnes = r.labels().counts().get("long");
    assertTrue(r.report().contains(String.format(java.util.Locale.ROOT, "  %5.1f%%  %3d  long%n",
        100.0 * longOnes / 300, longOnes)), r.report());
  }

  /** Fails at some tests only, discards some and labels all, so every part of a result counts. */
  private static ForAll<Integer> mixed() {
    return Properties.forAll(Gen.ints(0, 10_000), (x, ctx) -> {
      ctx.assume(x % 7 != 3);
      ctx.collect("digits", String.valueOf(x).length());
      assertTrue(x <= 5_000 || x % 3 != 0, "multiple of 3 above 5000: " + x);
    }).withTests(500).withSeed(3);
  }

  @Test
  void theVerdictAndCounterexampleDoNotDependOnThreadsOrDistribution() {
    PropertyResult<Integer> one = mixed().check();
    Counterexample<Integer> c = one.counterexample().orElseThrow();
    // Greedy shrinking stops where no nearer value fails and is not discarded.
    assertTrue(c.shrunk() > 5_000 && c.shrunk() % 3 == 0 && c.shrunk() <= c.original(), c.toString());
    assertTrue(c.test() > 10 && c.test() < 400, "fails at test " + c.test());
    assertTrue(one.discarded() > 0, "some tests discarded");
    for (WorkDistribution d : WorkDistribution.values()) {
      for (int k : new int[] {2, 3, 8}) {
        PropertyResult<Integer> r = mixed().withParallelThreads(k).withWorkDistribution(d).check();
        String where = d + " with " + k + " threads";
        assertEquals(one.status(), r.status(), where);
        assertEquals(one.tests(), r.tests(), where);
        assertEquals(one.discarded(), r.discarded(), where);
        assertEquals(one.labels(), r.labels(), where);
        Counterexample<Integer> rc = r.counterexample().orElseThrow();
        assertEquals(List.of(c.test(), c.original(), c.shrunk(), c.shrinkSteps()),
            List.of(rc.test(), rc.original(), rc.shrunk(), rc.shrinkSteps()), where);
      }
    }
  }

  @Test
  void everyTestRunsOnceOnEveryDistribution() {
    for (WorkDistribution d : WorkDistribution.values()) {
      Set<Integer> threads = ConcurrentHashMap.newKeySet();
      List<Integer> inputs = Collections.synchronizedList(new ArrayList<>());
      PropertyResult<Integer> r = Properties.forAll(Gen.ints(0, 1_000_000), x -> {
        inputs.add(x);
        threads.add(System.identityHashCode(Thread.currentThread()));
      }).withTests(1_000).withParallelThreads(4).withWorkDistribution(d).check();
      assertEquals(1_000, r.tests(), d.toString());
      assertEquals(1_000, inputs.size(), d + ": a test ran twice or not at all");
      List<Integer> sequential = new ArrayList<>();
      Properties.forAll(Gen.ints(0, 1_000_000), (Integer x) -> sequential.add(x))
          .withTests(1_000).check();
      List<Integer> sorted = new ArrayList<>(inputs);
      Collections.sort(sorted);
      Collections.sort(sequential);
      assertEquals(sequential, sorted, d + ": the same inputs as one thread");
    }
  }

  @Test
  void examplesRunFirstAndDoNotShrink() {
    List<Integer> order = new ArrayList<>();
    PropertyResult<Integer> r = Properties.forAll(Gen.ints(0, 100), x -> {
      order.add(x);
      assertTrue(x >= 0, "negative");
    }).withExamples(7, -5, 9).check();
    assertEquals(List.of(7, -5), order.subList(0, 2));
    Counterexample<Integer> c = r.counterexample().orElseThrow();
    assertEquals(List.of(2, -5, -5, 0), List.of(c.test(), c.original(), c.shrunk(), c.shrinkSteps()));
  }

  @Test
  void tooManyDiscardsGiveUpSayingWhy() {
    PropertyResult<Integer> r = Properties.forAll(Gen.ints(0, 100), (x, ctx) -> ctx.assume(x > 1_000))
        .withTests(10).check();
    assertEquals(PropertyResult.Status.GAVE_UP, r.status());
    assertEquals(0, r.tests());
    assertEquals(101, r.discarded());
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().startsWith("Property gave up after 101 discarded tests, with 0 passed"),
        e.getMessage());
    assertTrue(e.getMessage().contains("assume(...) rejected most inputs"), e.getMessage());
  }

  @Test
  void aGeneratorThatFailsStopsTheCheckWithItsMessage() {
    Gen<Integer> impossible = Gen.ints(0, 10).filter("above ten", i -> i > 10);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Properties.forAll(impossible, x -> { }).withParallelThreads(2).check());
    assertTrue(e.getMessage().startsWith("Gen.filter(\"above ten\") rejected"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    ForAll<Integer> p = Properties.forAll(Gen.ints(0, 1), x -> { });
    assertEquals("withTests needs at least 1 test, was 0",
        assertThrows(IllegalArgumentException.class, () -> p.withTests(0)).getMessage());
    assertEquals("withParallelThreads needs at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> p.withParallelThreads(0)).getMessage());
  }
}
