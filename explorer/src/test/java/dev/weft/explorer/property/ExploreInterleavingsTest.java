package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.samples.property.Counters;
import dev.weft.samples.property.Publications;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * exploreInterleavings(): runs an execution only when asked, yields exactly the executions of a
 * systematic search and then stops, goes on past a failing one, and keeps to the iterations.
 */
class ExploreInterleavingsTest {
  private static Options budget(int iterations, String name) {
    return Options.builder().iterations(iterations).testName(name).build();
  }

  private static <S> List<ExploredInterleaving<S>> all(Iterator<ExploredInterleaving<S>> it) {
    List<ExploredInterleaving<S>> all = new ArrayList<>();
    while (it.hasNext()) all.add(it.next());
    return all;
  }

  @Test
  void aSystematicIterationYieldsExactlyTheSearchsExecutionsLazilyAndStops() {
    int[] setups = {0};
    ConcurrentScenario<Counters.Atomic> scenario = ConcurrentScenario.setup(() -> {
          setups[0]++;
          return new Counters.Atomic();
        })
        .thread("add", c -> c.addAndGet(1))
        .thread("reset", Counters.Atomic::reset);
    ForAllInterleavings<Counters.Atomic> property = Properties
        .forAllInterleavings(scenario, trace -> { }).withOptions(budget(1_000, "iterate-dfs"));
    InterleavingResult<Counters.Atomic> searched = property.check();
    searched.assertProved();

    setups[0] = 0;
    Iterator<ExploredInterleaving<Counters.Atomic>> it = property.exploreInterleavings();
    assertTrue(it.hasNext());
    assertEquals(0, setups[0], "nothing runs before the first next()");
    ExploredInterleaving<Counters.Atomic> first = it.next();
    assertEquals(1, setups[0], "one execution per next()");
    List<ExploredInterleaving<Counters.Atomic>> rest = all(it);

    assertEquals(searched.executions(), 1 + rest.size());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
    assertEquals(searched.executions(), setups[0]);
    List<ExploredInterleaving<Counters.Atomic>> executions = new ArrayList<>(List.of(first));
    executions.addAll(rest);
    Set<Integer> resets = new TreeSet<>();
    for (int i = 0; i < executions.size(); i++) {
      ExploredInterleaving<Counters.Atomic> e = executions.get(i);
      assertEquals(i + 1, e.execution());
      assertTrue(e.passed(), e.toString());
      resets.add(e.trace().orElseThrow().<Integer>result("reset"));
    }
    assertEquals(Set.of(0, 1), resets, "the reset ran before the add and after it");
  }

  @Test
  void theIterationGoesOnPastAFailingInterleaving() {
    ForAllInterleavings<Publications.Publication> property = Properties
        .forAllInterleavings(ConcurrentScenario
                .<Publications.Publication>setup(Publications.PlainFlag::new)
                .thread("writer", p -> {
                  p.publish(42);
                  return null;
                })
                .thread("reader", Publications.Publication::read),
            trace -> assertEquals(-1, trace.<Integer>result("reader"), "reader"))
        .withOptions(budget(1_000, "iterate-past-failure"));
    List<ExploredInterleaving<Publications.Publication>> all = all(property.exploreInterleavings());
    List<ExploredInterleaving<Publications.Publication>> failed =
        all.stream().filter(e -> !e.passed()).toList();
    assertFalse(failed.isEmpty());
    assertTrue(failed.size() < all.size(), "some interleavings pass: " + all);
    for (ExploredInterleaving<Publications.Publication> f : failed) {
      assertEquals(42, f.trace().orElseThrow().<Integer>result("reader"));
      assertTrue(f.failure().orElseThrow().contains("reader ==> expected: <-1> but was: <42>"),
          f.failure().orElseThrow());
    }
  }

  @Test
  void aSampleStopsAtItsIterations() {
    ForAllInterleavings<Counters.Atomic> property = Properties
        .forAllInterleavings(ConcurrentScenario.setup(Counters.Atomic::new)
            .thread("add", c -> c.addAndGet(1))
            .thread("reset", Counters.Atomic::reset), trace -> { })
        .withStrategy(SchedulingStrategy.RANDOM).withOptions(budget(7, "iterate-random"));
    assertEquals(7, all(property.exploreInterleavings()).size());
  }
}
