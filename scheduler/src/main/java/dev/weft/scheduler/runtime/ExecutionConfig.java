package dev.weft.scheduler.runtime;

import dev.weft.scheduler.race.RaceRules;
import dev.weft.scheduler.race.RacingSites;

/**
 * Settings of one execution.
 *
 * @param maxSteps scheduling points after which the execution ends as a possible livelock
 * @param timeoutNanos how long, in real time, the execution may go without a step; past it the
 *     thread holding the turn is reported stuck
 * @param spuriousWakeups whether a program's wait or park may return without notify, unpark,
 *     interrupt or timeout, at most once per execution ({@link SpuriousWakeups}; a strategy choice)
 * @param trace whether to record the full trace (off while searching, on when replaying a failure)
 * @param races which data races to report, or null when races are not reported
 * @param racingSites the plain-access sites a systematic search schedules, and where it hears of
 *     new ones; null when no search watches plain accesses
 * @param timeoutsWhenBlocked whether every timed wait expires only when no other thread can run;
 *     when false, one shorter than a second may expire at any scheduling point ({@link
 *     EnabledThreads})
 * @param classesReloaded whether each execution loads the program's classes afresh (the command
 *     line does), so their static initializers run again in every execution; else a thread that
 *     would wait for another's initializer ends the execution, which could not be repeated
 *     ({@link ClassInits})
 * @param jdkStructuresOpened whether a program's call on one of {@link JdkStructures} takes a step
 *     at each shared access inside it, instead of being one step
 */
public record ExecutionConfig(int maxSteps, long timeoutNanos, boolean spuriousWakeups,
    boolean trace, RaceRules races, RacingSites racingSites, boolean timeoutsWhenBlocked,
    boolean classesReloaded, boolean jdkStructuresOpened) {
  public ExecutionConfig {
    if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be positive: " + maxSteps);
    if (timeoutNanos < 1) throw new IllegalArgumentException("timeout must be positive");
  }

  /**
   * Settings whose short timeouts may expire at any scheduling point, for a program whose classes
   * stay loaded from one execution to the next.
   */
  public ExecutionConfig(int maxSteps, long timeoutNanos, boolean spuriousWakeups, boolean trace,
      RaceRules races, RacingSites racingSites) {
    this(maxSteps, timeoutNanos, spuriousWakeups, trace, races, racingSites, false, false, false);
  }

  /** These settings, for a program whose classes are loaded afresh for each execution or not. */
  public ExecutionConfig withClassesReloaded(boolean reloaded) {
    return new ExecutionConfig(maxSteps, timeoutNanos, spuriousWakeups, trace, races, racingSites,
        timeoutsWhenBlocked, reloaded, jdkStructuresOpened);
  }

  /** These settings, with the JDK's structures opened up or not ({@link JdkStructures}). */
  public ExecutionConfig withJdkStructuresOpened(boolean opened) {
    return new ExecutionConfig(maxSteps, timeoutNanos, spuriousWakeups, trace, races, racingSites,
        timeoutsWhenBlocked, classesReloaded, opened);
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
