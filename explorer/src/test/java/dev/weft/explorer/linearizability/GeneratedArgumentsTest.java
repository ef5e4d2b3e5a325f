package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.property.Gen;
import dev.weft.samples.linearizability.IntMaps;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Scenarios whose arguments come from the property layer's generators: a failing scenario's
 * arguments shrink along the generators' own shrinks, after its threads and calls, and the shrunk
 * scenario is rebuilt from a schedule file alone.
 */
@ResourceLock("weft.replay")
class GeneratedArgumentsTest {
  private static final Pattern TWO_PUTS =
      Pattern.compile("T1: putIfAbsent\\((\\d+), (\\d+)\\); T2: putIfAbsent\\((\\d+), (\\d+)\\)");

  /** One scenario, at the largest size: its values are far from the generators' origin. */
  private static Linearizability<IntMaps.IntMap, IntMaps.Sequential> check() {
    return Linearizability.<IntMaps.IntMap, IntMaps.Sequential>of(IntMaps.CheckThenPut::new,
            IntMaps.Sequential::new, IntMaps.Sequential::copy, IntMaps.Sequential::state)
        .operations(Operation.of("putIfAbsent", Gen.ints(0, 2), Gen.ints(0, 50),
            IntMaps.IntMap::putIfAbsent))
        .threads(2).operationsPerThread(3).scenarios(1).seed(5);
  }

  private static Options dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(2_000).testName(name).build();
  }

  @AfterEach
  void clearProperty() {
    System.clearProperty(Linearizability.REPLAY_PROPERTY);
  }

  @Test
  void aFailingScenariosValuesShrinkWhileItsKeysStayEqual() {
    LinearizabilityResult result = check().check(dfs("generated-map"));
    Failure f = result.failure().orElseThrow(() -> new AssertionError(
        "no scenario failed: " + result.lastExploration().summary()));
    // Two threads putting one key at once is the bug: every other call goes, and the values,
    // which do not matter, shrink to the generator's origin; the keys cannot, being equal.
    Matcher m = TWO_PUTS.matcher(result.failingScenario().toString());
    assertTrue(m.matches(), result.failingScenario().toString());
    assertEquals(m.group(1), m.group(3), result.failingScenario().toString());
    assertEquals("0", m.group(2), result.failingScenario().toString());
    assertEquals("0", m.group(4), result.failingScenario().toString());
    assertTrue(result.drawnScenario().threads().stream().flatMap(List::stream)
        .allMatch(call -> !call.arguments().get(1).equals(0)),
        "the drawn scenario puts a 0 already, so this test would not show the shrinking: "
            + result.drawnScenario());
    ReplayResult replay = check().replay(result.failingScenario(), f.scheduleFile().toString());
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());

    // Rebuilt from the schedule file alone: drawn again, then minimised by the same steps,
    // argument shrinks included.
    System.setProperty(Linearizability.REPLAY_PROPERTY, f.scheduleFile().toString());
    LinearizabilityResult replayed = check().check(dfs("generated-map"));
    assertEquals(result.failingScenario(), replayed.failingScenario());
    assertNull(replayed.lastExploration());
    assertEquals(ReplayResult.Status.REPRODUCED, replayed.replayed().status(),
        replayed.replayed().message());
    assertEquals(f.trace(), replayed.replayed().trace());
  }

  @Test
  void argumentsStartSmallAndRepeatForTheSameSeed() {
    Operation<IntMaps.IntMap> put = Operation.of("putIfAbsent", Gen.ints(0, 1_000),
        Gen.ints(0, 1_000), IntMaps.IntMap::putIfAbsent);
    assertEquals(List.of(0, 0), put.draw(0, new Random(1), 0).arguments(),
        "at size 0 a generator gives its origin");
    Scenario.Invocation drawn = put.draw(0, new Random(9), 99);
    assertEquals(drawn, put.draw(0, new Random(9), 99));
    assertTrue(drawn.shrinks().shrinks().findAny().isPresent(), "drawn " + drawn);
  }
}
