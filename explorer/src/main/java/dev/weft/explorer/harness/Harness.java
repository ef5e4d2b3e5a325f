package dev.weft.explorer.harness;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.attach.AgentInstaller;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.explorer.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link Scenario}: on real threads ({@link #run}), where time is real and the performance
 * expectations are checked; or under Weft's scheduler ({@link #explore}), where every execution is
 * one run of the scenario, chaos strikes at explored points, and a failing run is reported with a
 * schedule that replays it and its trace.
 *
 * <pre>{@code
 * Scenario<Counter> scenario = Scenario.simple(Counter::new,
 *     List.of(Action.call("increment", Counter::increment), Action.call("decrement", Counter::decrement)),
 *     3, ScenarioOptions.<Counter>builder()
 *         .invariant((counter, context) -> assertTrue(counter.get() >= 0))
 *         .build());
 * Harness.explore(scenario, Options.builder().strategy(StrategyKind.DFS).build()).assertPassed();
 * }</pre>
 *
 * <p>Public API since 0.2.
 */
public final class Harness {
  private Harness() {}

  /** One run on real threads; its report says what happened and whether the checks held. */
  public static <T> ScenarioResult run(Scenario<T> scenario) {
    AgentInstaller.ensureInstalled(false); // the harness's thread hooks live in the scheduler
    try {
      return new ScenarioResult(ScenarioRun.run(scenario, false), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the scenario ran", e);
    }
  }

  /**
   * One run on real threads, as {@link #run}, with {@code bounds} holding on top of the scenario's
   * own performance expectations.
   */
  public static <T> ScenarioResult runWithPerformance(Scenario<T> scenario,
      PerformanceBounds bounds) {
    return run(new Scenario<>(scenario.factory(), scenario.scripts(),
        scenario.options().with(bounds)));
  }

  /**
   * Explores the scenario's interleavings (and the points where its chaos strikes) under Weft's
   * scheduler. The wall-time expectations are not checked here: time is virtual.
   *
   * @return the first failing run's report, replayed, with its schedule and trace; or, when every
   *     execution passed, the last one's
   */
  public static <T> ScenarioResult explore(Scenario<T> scenario, Options options) {
    AtomicReference<ScenarioReport> last = new AtomicReference<>();
    ExplorationResult exploration = Weft.exploreInterleavings(options, body(scenario, last));
    if (exploration.failure().isEmpty()) return new ScenarioResult(last.get(), exploration);
    Failure failure = exploration.failure().get();
    // The failing run again, so that the report is that run's: the exploration may have shrunk
    // it, running other executions after it failed. A run that never reached its checks (a
    // deadlock) leaves no report: Weft's failure stands for it.
    ScenarioReport report = replayedFailure(scenario, failure.schedule());
    if (report == null) {
      report = ScenarioReport.unfinished(what(failure), scenario.options().metadata(),
          failure.schedule(), failure.trace());
    }
    report = report.withReplay(failure.schedule(), failure.trace());
    if (failure.scheduleFile() != null) {
      Path page = ReportFiles.beside(failure.scheduleFile(), ReportFiles.HTML);
      try {
        HtmlReport.append(page, report.htmlSection());
      } catch (IOException e) {
        // The report still holds everything; only the page lacks its scenario section.
        report = report.withFailures(List.of("Weft could not add the scenario section to " + page
            + ": " + e));
      }
    }
    return new ScenarioResult(report, exploration);
  }

  /**
   * Replays one controlled run from its schedule (as {@link ScenarioReport#schedule()} or a
   * failing {@link #explore} printed it) and reports it, trace included.
   *
   * @throws IllegalArgumentException when the schedule is corrupt or the run did not follow it
   */
  public static <T> ScenarioResult replay(Scenario<T> scenario, String schedule) {
    AtomicReference<ScenarioReport> last = new AtomicReference<>();
    ReplayResult replay = Weft.replay(schedule, body(scenario, last));
    if (replay.status() == ReplayResult.Status.DIVERGED) {
      throw new IllegalArgumentException("the scenario did not follow the schedule: "
          + replay.message());
    }
    ScenarioReport report = last.get() != null ? last.get() : ScenarioReport.unfinished(
        replay.failure().map(Harness::what).orElse(replay.message()),
        scenario.options().metadata(), schedule, replay.trace());
    return new ScenarioResult(report.withReplay(schedule, replay.trace()), null);
  }

  /** The failing run's report, or null when it ended before its checks. */
  private static <T> ScenarioReport replayedFailure(Scenario<T> scenario, String schedule) {
    AtomicReference<ScenarioReport> last = new AtomicReference<>();
    ReplayResult replay = Weft.replay(schedule, body(scenario, last));
    if (replay.status() != ReplayResult.Status.REPRODUCED) {
      throw new IllegalStateException("Weft could not replay the scenario's failing run to build"
          + " its report (" + replay.status() + "): " + replay.message());
    }
    return last.get();
  }

  /** A failure that ended a run before its checks: its kind and summary. */
  private static String what(Failure failure) {
    return failure.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + failure.summary();
  }

  /** One execution: one run, its report kept in {@code last}; a failed check fails it. */
  private static <T> Body body(Scenario<T> scenario, AtomicReference<ScenarioReport> last) {
    return () -> {
      ScenarioReport report = ScenarioRun.run(scenario, true);
      last.set(report);
      if (!report.passed()) throw new AssertionError("scenario " + report.verdict());
    };
  }
}
