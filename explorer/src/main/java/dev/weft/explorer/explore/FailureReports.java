package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.explorer.report.TraceTable;
import dev.weft.explorer.schedule.ChoiceCodec;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.explorer.schedule.StepLogCodec;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.strategy.Replay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns a failing execution into a {@link Failure}: traced replay, schedule file, report. */
final class FailureReports {
  private FailureReports() {}

  /**
   * Replays the failing execution's choices once with tracing on, writes its schedule file, and
   * builds the failure. When the traced replay does not fail the same way, the test is
   * nondeterministic under a fixed schedule, and the failure says so.
   */
  static Failure investigate(
      ExecutionResult found, Options options, String testName, int index, Body body) {
    if (found.outcome() == Outcome.STUCK || found.leaked()) {
      // Replaying would block on the same uncontrolled code again; report what we saw.
      return build(found, found, options, testName, index, body, "");
    }
    ExecutionResult traced = Scheduler.execute(
        Explorer.config(options.maxSteps(), options.executionTimeout(), options.spuriousWakeups(),
            true, Explorer.racesOf(options)),
        new Replay(found.choices(), found.stepLog()), Explorer.executionSeed(options.seed(), index),
        body::run);
    if (traced.outcome() == found.outcome() && summary(traced).equals(summary(found))) {
      // Report from the traced run: its reports name objects as its trace does.
      return build(traced, traced, options, testName, index, body, "");
    }
    String warning = "Warning: replaying this schedule with tracing on ended differently ("
        + summary(traced) + "). The test is not deterministic under a fixed schedule: look for"
        + " threads Weft does not control, I/O, time, or random numbers.\n";
    return build(found, traced, options, testName, index, body, warning);
  }

  /**
   * {@code found} supplies the failure and its schedule; {@code traced} supplies the trace, and
   * with it the classes whose files the schedule hashes.
   */
  private static Failure build(ExecutionResult found, ExecutionResult traced, Options options,
      String testName, int index, Body body, String warning) {
    FailureKind kind = kindOf(found);
    Schedule schedule = Schedule.of(WeftVersion.get(),
        Runtime.version() + " (" + System.getProperty("java.vendor") + ")", testName,
        options.classpath(), options.strategy().cliName(), options.seed(), index,
        options.maxSteps(),
        options.spuriousWakeups(), kind.name(), summary(found), ChoiceCodec.encode(found.choices()),
        found.stepLog() == null ? null : StepLogCodec.encode(found.stepLog()),
        options.detectRaces() ? List.copyOf(options.benignRaces()) : null,
        ProgramClasses.hashes(body, traced.trace()));
    Path file = options.outputDir().resolve(fileName(testName));
    try {
      ScheduleFiles.write(schedule, file);
    } catch (IOException e) {
      warning += "Could not write the schedule file " + file + ": " + e.getMessage() + "\n";
      file = null;
    }
    String trace = TraceTable.render(traced.trace(), traced.threadNames());
    return ReportFiles.writeBeside(new Failure(kind, summary(found), warning + details(found),
        found.error(), trace, file, ScheduleFiles.toShortString(schedule), index, found.steps(),
        found.preemptions()), traced);
  }

  static FailureKind kindOf(ExecutionResult r) {
    if (r.leaked() && !r.outcome().isBug()) return FailureKind.STUCK;
    return FailureKind.valueOf(r.outcome().name());
  }

  static String summary(ExecutionResult r) {
    String report = r.report() == null ? "" : r.report();
    int nl = report.indexOf('\n');
    return nl < 0 ? report : report.substring(0, nl);
  }

  static String details(ExecutionResult r) {
    return r.outcome() == Outcome.EXCEPTION || r.report() == null ? "" : r.report();
  }

  private static String fileName(String testName) {
    return testName.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }
}
