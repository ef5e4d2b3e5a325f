package dev.weft.samples.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.property.ConcurrentTestResult;
import dev.weft.explorer.property.JqwikGen;
import dev.weft.explorer.property.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * jqwik properties whose bodies call Weft: jqwik draws the input, Weft explores the interleavings
 * of the threads that use it. Run by jqwik's engine, beside JUnit Jupiter's, in this module's
 * tests. In a package the agent instruments, as a user's test would be, so the threads the bodies
 * start are controlled.
 */
class JqwikPropertiesTest {
  /** Two threads add {@code delta} to one counter; the total must be twice {@code delta}. */
  static void addTwice(Counters.ReadThenWrite counter, int delta) throws InterruptedException {
    Thread other = new Thread(() -> counter.addAndGet(delta));
    other.start();
    counter.addAndGet(delta);
    other.join();
    assert counter.total() == 2 * delta : "lost an update: total " + counter.total();
  }

  static void addTwice(Counters.Atomic counter, int delta) throws InterruptedException {
    Thread other = new Thread(() -> counter.addAndGet(delta));
    other.start();
    counter.addAndGet(delta);
    other.join();
    assert counter.total() == 2 * delta : "lost an update: total " + counter.total();
  }

  private static Options random(String name) {
    return Options.builder().strategy(StrategyKind.RANDOM).iterations(50).testName(name).build();
  }

  // docs:jqwik
  @Property(tries = 5, seed = "42")
  void anAtomicCounterNeverLosesAnAdd(@ForAll @IntRange(min = 1, max = 100) int delta) {
    ExplorationResult r = Weft.exploreInterleavings(random("jqwik-atomic"),
        () -> addTwice(new Counters.Atomic(), delta));
    r.assertNoFailure();
    assertEquals(50, r.executions(), "the whole budget ran");
  }
  // end

  @Property(tries = 3, seed = "42")
  void aLostUpdateIsFoundAndReplays(@ForAll @IntRange(min = 1, max = 100) int delta) {
    Body body = () -> addTwice(new Counters.ReadThenWrite(), delta);
    Failure f = Weft.exploreInterleavings(random("jqwik-lost-update"), body).failure()
        .orElseThrow(() -> new AssertionError("no lost update found for " + delta));
    ReplayResult replay = Weft.replay(f.schedule(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  @Property(tries = 2, seed = "42")
  void forAllConcurrentDrawsFromAJqwikArbitrary(@ForAll @IntRange(min = 2, max = 4) int tests) {
    ConcurrentTestResult<Integer, Integer> r = Properties.forAllConcurrent(
            JqwikGen.of(Arbitraries.integers().between(1, 9)), 2, Counters.ReadThenWrite::new,
            Counters.ReadThenWrite::addAndGet)
        .withTests(tests).withOptions(random("jqwik-for-all-concurrent")).check();
    assertFalse(r.deterministic());
    assertEquals(tests, r.raceConditionsDetected());
    assertEquals(1, r.firstDifference().orElseThrow().shrunkInput(), "jqwik shrinks toward 1");
  }
}
