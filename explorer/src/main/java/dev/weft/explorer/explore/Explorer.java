package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.Timeouts;
import dev.weft.explorer.api.WeftInternalException;
import dev.weft.scheduler.race.RaceRules;
import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.strategy.SplitMix64;
import dev.weft.scheduler.strategy.Strategy;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The exploration loop: run the body under the strategy until a bug, the iteration count or the
 * time limit. While searching, executions record only their choices; the failing one is then replayed
 * once with tracing on to build the report.
 */
public final class Explorer {
  private Explorer() {}

  public static ExplorationResult explore(Options options, Body body, String testName) {
    RacingSites racing = RacingSearch.sitesFor(options);
    return explore(options, Strategies.create(options, racing), racing, body, testName);
  }

  /**
   * {@link #explore(Options, Body, String)} under a given strategy, made for {@code options}.
   *
   * @throws WeftInternalException when Weft itself fails, in the search or while investigating a
   *     bug; what was found so far is then not reported
   */
  static ExplorationResult explore(
      Options options, Strategy strategy, RacingSites racing, Body body, String testName) {
    return explore(options, List.of(new Segment(strategy, racing, 0, options.iterations()))
        .iterator(), body, testName).result();
  }

  /**
   * Consecutive executions of an exploration, its indices {@code first} to {@code end - 1}, each
   * seeded by its index, under one strategy instance and its own racing sites (which the strategy
   * learns from, execution after execution).
   */
  record Segment(Strategy strategy, RacingSites racing, int first, int end) {}

  /** An exploration's result, with the fingerprints behind its counts. */
  record Explored(ExplorationResult result, Set<Long> schedules, Set<Long> classes) {}

  /**
   * Runs the segments in turn until a bug, the time limit, or a strategy that has nothing left.
   * Its verdict of coverage is the last segment's strategy's.
   */
  static Explored explore(
      Options options, Iterator<Segment> segments, Body body, String testName) {
    long start = System.nanoTime();
    long deadline = start + options.timeLimit().toNanos();
    StatisticsCollector statistics = new StatisticsCollector();
    Progress progress = new Progress(options.progressInterval(), options.progressInPlace(), start);
    StopReason stop = StopReason.ITERATIONS_DONE;
    Optional<Failure> failure = Optional.empty();
    Segment segment = null;
    int executed = 0;
    search:
    while (segments.hasNext()) {
      segment = segments.next();
      Executions runs = new Executions(options, segment.strategy(), segment.racing(), body,
          segment.first());
      while (runs.nextIndex() < segment.end()) {
        if (!segment.strategy().hasNextExecution()) {
          stop = StopReason.EXHAUSTED;
          break search;
        }
        if (System.nanoTime() - deadline >= 0) {
          stop = StopReason.TIME_LIMIT;
          break search;
        }
        int index = runs.nextIndex();
        ExecutionResult result = runs.next();
        executed++;
        statistics.add(result);
        progress.tick(executed, statistics);
        if (result.outcome().isBug() || result.leaked()) {
          failure = Optional.of(FailureReports.investigate(result, options, segment.racing(),
              testName, index, body, shrinkDeadline(deadline)));
          stop = StopReason.BUG_FOUND;
          break search;
        }
      }
    }
    progress.finish();
    Strategy last = segment == null ? null : segment.strategy();
    RacingSites racing = segment == null ? null : segment.racing();
    if (stop == StopReason.ITERATIONS_DONE && last != null && !last.hasNextExecution()) {
      stop = StopReason.EXHAUSTED;
    }
    // Without plain accesses watched, a search that covered all synchronization proves nothing
    // of a program with data races.
    boolean covered = stop == StopReason.EXHAUSTED && last.coveredEverything() && racing != null;
    ExplorationResult result = new ExplorationResult(executed,
        Duration.ofNanos(System.nanoTime() - start), stop, failure,
        statistics.toStatistics(covered, racing == null ? null : racing.describe()));
    return new Explored(result, statistics.schedules(), statistics.classes());
  }

  /**
   * Runs one execution. Weft's own failure in it stops everything as Weft's, never as a bug of the
   * program: the exploration, the shrinking or the replay that ran it.
   *
   * @throws WeftInternalException when the scheduler or the strategy failed
   */
  static ExecutionResult execute(ExecutionConfig config, Strategy strategy, long seed, Body body) {
    ExecutionResult result;
    try {
      result = Scheduler.execute(config, strategy, seed, body::run);
    } catch (RuntimeException e) { // the program runs on other threads: this is Weft's own
      throw new WeftInternalException("Weft failed: it could not run an execution ("
          + strategy.getClass().getSimpleName() + " threw " + e + "). This is a bug in Weft, not"
          + " in the program under test; please report it with the stack trace.", e);
    }
    if (result.outcome() == Outcome.INTERNAL_ERROR) {
      throw new WeftInternalException(result.report(), result.error());
    }
    return result;
  }

  /** Shrinking a failure may take half the time the exploration has left. */
  private static long shrinkDeadline(long deadline) {
    long now = System.nanoTime();
    return now + Math.max(0, deadline - now) / 2;
  }

  /** Each execution's seed depends only on the exploration's seed and its index. */
  static long executionSeed(long seed, int index) {
    return SplitMix64.mix(seed ^ SplitMix64.mix(index));
  }

  /**
   * The settings of the exploration's executions of {@code body}, traced or not (always traced
   * when the body reads its trace as it runs).
   *
   * @param racing the plain-access sites the search schedules, or null
   */
  static ExecutionConfig config(Options options, boolean trace, RacingSites racing, Body body) {
    return config(options.maxSteps(), options.executionTimeout(), options.spuriousWakeups(),
        options.timeouts(), trace || (body != null && body.tracesEveryExecution()), racesOf(options),
        racing)
        .withClassesReloaded(classesReloaded(body))
        .withJdkStructuresOpened(options.openJdkStructures());
  }

  /** Whether each run of {@code body} loads the program's classes afresh. */
  static boolean classesReloaded(Body body) {
    return body instanceof ProgramBody program && program.loadsClassesAfresh();
  }

  static ExecutionConfig config(int maxSteps, Duration executionTimeout, boolean spuriousWakeups,
      Timeouts timeouts, boolean trace, RaceRules races, RacingSites racing) {
    return new ExecutionConfig(maxSteps, executionTimeout.toNanos(), spuriousWakeups, trace, races,
        racing, timeouts == Timeouts.WHEN_BLOCKED, false, false);
  }

  /** The race rules in force: null when race detection is off. */
  static RaceRules racesOf(Options options) {
    return options.detectRaces() ? new RaceRules(options.benignRaces()) : null;
  }
}
