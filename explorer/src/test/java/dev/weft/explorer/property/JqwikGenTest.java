package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/** A jqwik Arbitrary as a Gen: the same values for the same seed, and jqwik's own shrinking. */
class JqwikGenTest {
  private static final Arbitrary<Integer> INTS = Arbitraries.integers().between(0, 10_000);

  private static List<Integer> samples(Gen<Integer> gen) {
    List<Integer> values = new ArrayList<>();
    for (long seed = 0; seed < 100; seed++) values.add(gen.sample(seed, 99));
    return values;
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    List<Integer> values = samples(JqwikGen.of(INTS));
    assertEquals(values, samples(JqwikGen.of(INTS)));
    assertTrue(new HashSet<>(values).size() > 50, values.toString());
    assertTrue(values.stream().allMatch(v -> v >= 0 && v <= 10_000), values.toString());
  }

  @Test
  void aCounterexampleShrinksAsJqwikShrinksIt() {
    PropertyResult<Integer> r = Properties.forAll(JqwikGen.of(INTS),
        x -> assertTrue(x <= 37, x + " > 37")).check();
    assertEquals(38, r.counterexample().orElseThrow().shrunk());
    PropertyResult<List<String>> lists = Properties.forAll(
        JqwikGen.of(Arbitraries.strings().withChars("ab").ofMaxLength(5).list().ofMaxSize(6)),
        l -> assertTrue(l.size() < 2, "two or more")).check();
    assertEquals(List.of("", ""), lists.counterexample().orElseThrow().shrunk());
  }
}
