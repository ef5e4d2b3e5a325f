package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void durationsInTheUsualShapes() {
    assertEquals(Duration.ofMillis(500), Options.parseDuration("500ms"));
    assertEquals(Duration.ofSeconds(60), Options.parseDuration("60s"));
    assertEquals(Duration.ofMinutes(2), Options.parseDuration("2m"));
    assertEquals(Duration.ofMinutes(1), Options.parseDuration("PT1M"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Options.parseDuration("soon"));
    assertTrue(e.getMessage().contains("500ms, 60s"), e.getMessage());
  }

  @Test
  void invalidValuesSayWhatIsWrong() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.builder().iterations(0).build());
    assertTrue(e.getMessage().contains("iterations must be at least 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StrategyKind.parse("dfs?"));
    assertTrue(e.getMessage().contains("random, pct"), e.getMessage());
  }

  @Test
  void systemPropertiesOverrideDefaultsButNotExplicitCalls() {
    System.setProperty("weft.iterations", "77");
    try {
      assertEquals(77, Options.defaults().iterations());
      assertEquals(5, Options.builder().iterations(5).build().iterations());
    } finally {
      System.clearProperty("weft.iterations");
    }
  }

  @Test
  void toBuilderKeepsEverything() {
    Options o = Options.builder().strategy(StrategyKind.PCT).pctDepth(4).seed(9)
        .testName("x").classpath("cp").build();
    assertEquals(o, o.toBuilder().build());
  }
}
