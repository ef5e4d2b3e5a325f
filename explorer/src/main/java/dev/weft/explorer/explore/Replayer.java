package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.ReplayResult.Status;
import dev.weft.explorer.api.Timeouts;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.explorer.report.TraceTable;
import dev.weft.explorer.schedule.ChoiceCodec;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleException;
import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.explorer.schedule.StepLogCodec;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.Replay;
import dev.weft.scheduler.race.RaceRules;
import dev.weft.scheduler.race.RacingSites;
import java.nio.file.Path;
import java.util.Set;
import java.util.Optional;

/** Replays a schedule once, with tracing on, and says whether the recorded failure came back. */
public final class Replayer {
  private Replayer() {}

  /**
   * @param expectedTest when non-null, the schedule must have been recorded for this test
   * @throws ScheduleException when the schedule is missing, corrupt, stale or foreign, or when a
   *     class file it hashes has changed (looked up through the loader of {@code body}'s class, or
   *     of a {@link ProgramBody}'s program)
   */
  public static ReplayResult replay(String fileOrString, Body body, String expectedTest) {
    Schedule schedule = ScheduleFiles.read(fileOrString, WeftVersion.get());
    if (expectedTest != null && schedule.test() != null && !schedule.test().equals(expectedTest)) {
      throw new ScheduleException("the schedule was recorded for " + schedule.test()
          + ", not for " + expectedTest + "; replay it against the test that wrote it");
    }
    ProgramClasses.check(schedule, body);
    Replay strategy = new Replay(ChoiceCodec.decode(schedule.choices()),
        schedule.steps() == null ? null : StepLogCodec.decode(schedule.steps()));
    ExecutionResult r = Explorer.execute(
        Explorer.config(schedule.maxSteps(), Options.defaults().executionTimeout(),
            schedule.spuriousWakeups(), Timeouts.parse(schedule.timeouts()), true,
            schedule.races() == null ? null : new RaceRules(Set.copyOf(schedule.races())),
            schedule.racingSites() == null ? null : RacingSites.of(schedule.racingSites()))
            .withClassesReloaded(Explorer.classesReloaded(body))
            .withJdkStructuresOpened(schedule.jdkStructuresOpened()),
        strategy, 0, body);
    String trace = TraceTable.render(r.trace(), r.threadNames());
    Optional<Failure> failure = Optional.empty();
    if (r.outcome().isBug()) {
      // The file counts executions from 1, a failure from 0; a short string has none (0).
      Path file = ScheduleFiles.isShortString(fileOrString) ? null : Path.of(fileOrString);
      failure = Optional.of(ReportFiles.writeBeside(new Failure(FailureReports.kindOf(r),
          FailureReports.summary(r), FailureReports.details(r), r.error(), trace, file,
          ScheduleFiles.toShortString(schedule), Math.max(0, schedule.execution() - 1), r.steps(),
          r.preemptions()), r));
    }
    return new ReplayResult(status(schedule, r, strategy), message(schedule, r, strategy),
        failure, trace);
  }

  /** A replay that left recorded choices unused did not follow the schedule: it diverged. */
  private static Status status(Schedule s, ExecutionResult r, Replay strategy) {
    if (r.outcome() == Outcome.DIVERGED || strategy.remaining() > 0) return Status.DIVERGED;
    if (r.outcome() == Outcome.PASSED) return Status.NO_FAILURE;
    boolean same = r.outcome().name().equals(s.failureKind())
        && (s.failureSummary() == null || s.failureSummary().equals(FailureReports.summary(r)));
    return same ? Status.REPRODUCED : Status.DIVERGED;
  }

  private static String message(Schedule s, ExecutionResult r, Replay strategy) {
    String recorded = s.failureKind().toLowerCase(java.util.Locale.ROOT)
        + (s.failureSummary() == null ? "" : " (" + s.failureSummary() + ")");
    switch (status(s, r, strategy)) {
      case REPRODUCED:
        return "The recorded failure reproduced: " + FailureReports.summary(r);
      case NO_FAILURE:
        return "The replay ran to the end without failing; the recorded failure was " + recorded
            + ". The program has changed since the schedule was written.";
      default:
        if (r.outcome() == Outcome.DIVERGED) return r.report();
        if (strategy.remaining() > 0) {
          String ended = r.outcome() == Outcome.PASSED ? "ended"
              : "failed (" + FailureReports.summary(r) + ")";
          return "The replay diverged: the execution " + ended + " after " + r.steps()
              + " steps with " + strategy.remaining()
              + " recorded choices left over; the recorded failure was " + recorded + ".";
        }
        return "The replay failed differently: recorded " + recorded + ", now "
            + r.outcome().name().toLowerCase(java.util.Locale.ROOT) + " ("
            + FailureReports.summary(r) + ").";
    }
  }
}
