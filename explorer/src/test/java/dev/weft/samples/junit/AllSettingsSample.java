package dev.weft.samples.junit;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import dev.weft.explorer.junit.InterleavingTest;

/**
 * Never run: {@code InterleavingExtensionTest} reads its annotation, which sets every setting to a
 * value other than its default.
 */
public class AllSettingsSample {
  @InterleavingTest(strategy = StrategyKind.PCT, iterations = 5, seed = 9, timeLimit = "7s",
      maxSteps = 123, preemptionBound = 2, detectRaces = true, spuriousWakeups = false,
      timeouts = Timeouts.WHEN_BLOCKED)
  void everySetting() {}
}
