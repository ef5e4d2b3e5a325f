package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** cover: a label seen often enough passes; one seen too rarely fails with the table. */
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
}
