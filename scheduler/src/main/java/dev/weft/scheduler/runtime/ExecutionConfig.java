package dev.weft.scheduler.runtime;

import dev.weft.scheduler.race.RaceRules;
import dev.weft.scheduler.race.RacingSites;

/**
 * Settings of one execution.
 *
 * @param maxSteps scheduling points after which the execution ends as a possible livelock
 * @param timeoutNanos wall-clock deadline of the execution; past it a thread is reported stuck
 * @param spuriousWakeups whether a waiting thread may wake without notification (a strategy choice)
 * @param trace whether to record the full trace (off while searching, on when replaying a failure)
 * @param races which data races to report, or null when races are not reported
 * @param racingSites the plain-access sites a systematic search schedules, and where it hears of
 *     new ones; null when no search watches plain accesses
 */
public record ExecutionConfig(int maxSteps, long timeoutNanos, boolean spuriousWakeups,
    boolean trace, RaceRules races, RacingSites racingSites) {
  public ExecutionConfig {
    if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be positive: " + maxSteps);
    if (timeoutNanos < 1) throw new IllegalArgumentException("timeout must be positive");
  }

  /** Settings with no search watching plain accesses. */
  public ExecutionConfig(int maxSteps, long timeoutNanos, boolean spuriousWakeups, boolean trace,
      RaceRules races) {
    this(maxSteps, timeoutNanos, spuriousWakeups, trace, races, null);
  }

  /** Settings with no race detection. */
  public ExecutionConfig(int maxSteps, long timeoutNanos, boolean spuriousWakeups, boolean trace) {
    this(maxSteps, timeoutNanos, spuriousWakeups, trace, null);
  }
}
