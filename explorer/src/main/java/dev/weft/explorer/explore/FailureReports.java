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

/**
 * Turns a failing execution into a {@link Failure}: shrinking, traced replay, schedule file, report.
 */
final class FailureReports {
  private FailureReports() {}

  /**
   * Shrinks the failing execution (when the options say so), replays the result once with tracing
   * on, writes its schedule file, and builds the failure. When the traced replay does not fail the
   * same way, the test is nondeterministic under a fixed schedule, and the failure says so.
   *
   * @param shrinkDeadline when shrinking must stop ({@link System#nanoTime})
   */
  static Failure investigate(ExecutionResult found, Options options, String testName, int index,
      Body body, long shrinkDeadline) {
    if (found.outcome() == Outcome.STUCK || found.leaked()) {
      // Replaying would block on the same uncontrolled code again; report what we saw.
      return build(found, found, found, options, testName, index, "");
    }
    long seed = Explorer.executionSeed(options.seed(), index);
    Shrinker.Shrunk shrunk = options.shrink()
        ? Shrinker.shrink(found, Explorer.config(options, false), seed, body, options.shrinkRuns(),
            shrinkDeadline)
        : new Shrinker.Shrunk(found, found, 0);
    ExecutionResult failing = shrunk.result();
    ExecutionResult traced = Scheduler.execute(Explorer.config(options, true),
        new Replay(failing.choices(), failing.stepLog()), seed, body::run);
    if (traced.outcome() == failing.outcome() && summary(traced).equals(summary(failing))) {
      // Report from the traced run: its reports name objects as its trace does.
      return build(found, traced, traced, options, testName, index, shrunk.note());
    }
    String warning = "Warning: replaying this schedule with tracing on ended differently ("
        + summary(traced) + "). The test is not deterministic under a fixed schedule: look for"
        + " threads Weft does not control, I/O, time, or random numbers.\n";
    return build(found, failing, traced, options, testName, index, warning + shrunk.note());
  }

  /**
   * {@code failing} supplies the failure and its schedule, {@code traced} the trace, and {@code
   * found} the schedule as the exploration found it, before shrinking.
   */
  private static Failure build(ExecutionResult found, ExecutionResult failing,
      ExecutionResult traced, Options options, String testName, int index, String notes) {
    FailureKind kind = kindOf(failing);
    Schedule schedule = new Schedule(Schedule.FORMAT, Schedule.FORMAT_VERSION, WeftVersion.get(),
        Runtime.version() + " (" + System.getProperty("java.vendor") + ")", testName,
        options.classpath(), options.strategy().cliName(), options.seed(), index,
        options.maxSteps(), options.spuriousWakeups(), kind.name(), summary(failing),
        ChoiceCodec.encode(failing.choices()),
        failing.stepLog() == null ? null : StepLogCodec.encode(failing.stepLog()),
        ChoiceCodec.encode(found.choices()));
    Path file = options.outputDir().resolve(fileName(testName));
    try {
      ScheduleFiles.write(schedule, file);
    } catch (IOException e) {
      notes += "Could not write the schedule file " + file + ": " + e.getMessage() + "\n";
      file = null;
    }
    String trace = TraceTable.render(traced.trace(), traced.threadNames());
    return ReportFiles.writeBeside(new Failure(kind, summary(failing), notes + details(failing),
        failing.error(), trace, file, ScheduleFiles.toShortString(schedule), index,
        failing.steps(), failing.preemptions()), traced);
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
