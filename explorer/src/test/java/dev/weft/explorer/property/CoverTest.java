package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.samples.property.Counters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cover: a label seen often enough passes; one seen too rarely fails with the table. The same for
 * a workload property's executions: how often a race occurred.
 */
class CoverTest {
  private static final Gen<List<Integer>> LISTS = Gen.lists(Gen.ints(0, 9), 0, 10);

  @Test
  void aLabelSeenOftenEnoughPasses() {
    PropertyResult<List<Integer>> r = Properties.forAll(LISTS, list -> { })
        .cover(5, "empty", List::isEmpty)
        .cover(50, "non-empty", list -> !list.isEmpty())
        .withTests(200).check();
    r.assertHolds();
    assertEquals(PropertyResult.Status.PASSED, r.status());
    assertEquals(2, r.coverage().size());
    assertTrue(r.coverage().stream().allMatch(Coverage::met), r.coverage().toString());
    assertEquals(r.labels().percent("empty"), r.coverage().get(0).percent());
    assertTrue(r.coverage().get(0).percent() >= 5, r.report());
  }

  @Test
  void aLabelSeenTooRarelyFailsWithThePercentageTable() {
    PropertyResult<List<Integer>> r = Properties.forAll(LISTS, list -> { })
        .cover(5, "empty", List::isEmpty)
        .cover(90, "longer than 8", list -> list.size() > 8)
        .withTests(200).check();
    assertEquals(PropertyResult.Status.INSUFFICIENT_COVERAGE, r.status());
    assertFalse(r.passed());
    Coverage rare = r.coverage().get(1);
    assertFalse(rare.met());
    assertTrue(rare.percent() < 90 && rare.percent() > 0, rare.toString());
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().startsWith("Property held for 200 tests but not their coverage"),
        e.getMessage());
    assertTrue(e.getMessage().contains("  insufficient coverage: " + rare + "\n"), e.getMessage());
    assertFalse(e.getMessage().contains("insufficient coverage: 'empty'"), e.getMessage());
    assertTrue(e.getMessage().contains("Labels (200 tests):\n"), e.getMessage());
    assertTrue(e.getMessage().contains(r.labels().toString()), e.getMessage());
  }

  @Test
  void aFailingTestStillReportsTheFailureNotTheCoverage() {
    PropertyResult<List<Integer>> r = Properties
        .forAll(LISTS, list -> assertTrue(list.size() < 3, "short"))
        .cover(100, "never", list -> false).check();
    assertEquals(PropertyResult.Status.FAILED, r.status());
    assertFalse(r.coverage().get(0).met(), "the shortfall is still there to read");
  }

  @Test
  void badRequirementsAreRefused() {
    ForAll<List<Integer>> p = Properties.forAll(LISTS, list -> { });
    assertEquals("cover needs a percentage from 0 to 100, was 101.0 for 'x'",
        assertThrows(IllegalArgumentException.class, () -> p.cover(101, "x", l -> true))
            .getMessage());
    p.cover(1, "x", l -> true);
    assertEquals("cover('x') is given twice; give it once",
        assertThrows(IllegalArgumentException.class, () -> p.cover(2, "x", l -> true))
            .getMessage());
  }

  /** Two threads of one add each on a counter that reads, then writes: an add may be lost. */
  private static ForAllWorkloads<Counters.ReadThenWrite> twoAdds() {
    WorkloadOperation<Counters.ReadThenWrite> add =
        WorkloadOperation.of("add", Gen.ints(1, 3), Counters.ReadThenWrite::addAndGet);
    return Properties.forAllWorkloads(Gen.<Counters.ReadThenWrite>concurrentOperations()
            .operation(1.0, add).threads(new ThreadDistribution(2, 2, 1, 1)).gen(),
            Counters.ReadThenWrite::new, (workload, trace) -> { })
        .withTests(5)
        .withOptions(Options.builder().iterations(100).testName("two-adds").build());
  }

  private static boolean lostAnAdd(ConcurrentWorkload<Counters.ReadThenWrite> workload,
      ExecutionTrace<Counters.ReadThenWrite> trace) {
    int sum = workload.calls().stream().mapToInt(c -> (Integer) c.argument()).sum();
    return trace.finalState().total() != sum;
  }

  @Test
  void aWorkloadsExecutionsAreClassifiedAndTheTableShowsHowOftenARaceOccurred() {
    WorkloadResult<Counters.ReadThenWrite> r = twoAdds()
        .classify("lost an add", CoverTest::lostAnAdd)
        .classify("t1 ended first", (w, t) -> t.operations().get(0).endStep()
            < t.operations().get(1).endStep())
        .cover(1, "lost an add", CoverTest::lostAnAdd)
        .check();
    r.assertHolds();
    assertEquals(5 * 100, r.executions());
    assertEquals(r.executions(), r.labels().tests(), "every execution ran its check, and counted");
    double lost = r.labels().percent("lost an add");
    assertTrue(lost > 0 && lost < 100, "some executions lose an add, not all: " + r.report());
    double first = r.labels().percent("t1 ended first");
    assertTrue(first > 0 && first < 100, r.report());
    assertTrue(r.coverage().get(0).met(), r.report());
    assertEquals(lost, r.coverage().get(0).percent());
    assertTrue(r.report().contains("Labels (500 executions):\n" + r.labels()), r.report());
  }

  @Test
  void executionsThatCarryALabelTooRarelyFailTheCoverageWithTheTable() {
    WorkloadResult<Counters.ReadThenWrite> r = twoAdds()
        .cover(90, "lost an add", CoverTest::lostAnAdd).check();
    assertTrue(r.counterexample().isEmpty(), "every execution passed its check");
    assertFalse(r.passed(), r.report());
    Coverage c = r.coverage().get(0);
    assertFalse(c.met());
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().startsWith("Held for every workload but not the coverage, of 5"),
        e.getMessage());
    assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "  insufficient"
        + " coverage: 'lost an add' in %.1f%% of executions, below the 90.0%% required\n",
        c.percent())), e.getMessage());
    assertTrue(e.getMessage().contains(r.labels().toString()), e.getMessage());
  }

  @Test
  void aWorkloadsLabelsAndRequirementsAreCheckedAsForAllsAre() {
    ForAllWorkloads<Counters.ReadThenWrite> p = twoAdds();
    assertEquals("classify needs a label to count, was ' '",
        assertThrows(IllegalArgumentException.class, () -> p.classify(" ", (w, t) -> true))
            .getMessage());
    p.cover(1, "x", (w, t) -> true);
    assertEquals("cover('x') is given twice; give it once",
        assertThrows(IllegalArgumentException.class, () -> p.cover(2, "x", (w, t) -> true))
            .getMessage());
  }
}
