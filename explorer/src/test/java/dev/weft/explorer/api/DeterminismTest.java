package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.OutsideValues;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/**
 * Values that come from outside the schedule (hash codes, time, random numbers, thread ids and
 * names) are the same on every run of one schedule, and the first run of a JVM is no exception.
 */
class DeterminismTest {
  @Test
  void everyRunOfTheSameScheduleSeesTheSameValues() {
    OutsideValues.SEEN.clear();
    // Each execution of the DFS strategy's first schedule, and a later exploration's, are equal.
    Options options = Options.builder().strategy(StrategyKind.RANDOM).seed(7).iterations(1)
        .testName("outside-values").build();
    for (int run = 0; run < 4; run++) {
      assertTrue(Weft.exploreInterleavings(options, OutsideValues::run).failure().isEmpty());
    }
    assertEquals(4, OutsideValues.SEEN.size());
    assertEquals(1, new HashSet<>(OutsideValues.SEEN).size(), String.join("\n", OutsideValues.SEEN));
    String seen = OutsideValues.SEEN.get(0);
    assertTrue(seen.contains(" Thread-0 1000001 "), "default name and id from zero: " + seen);
    assertTrue(seen.contains(" 946684800000 2000-01-01T00:00:00Z "), "virtual wall clock: " + seen);
    assertTrue(seen.endsWith(" pool-1-thread-1"), "pool numbers from one: " + seen);
  }
}
