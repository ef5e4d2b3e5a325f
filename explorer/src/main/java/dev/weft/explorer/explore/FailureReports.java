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
import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.Replay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a failing execution into a {@link Failure}: traced replay, shrinking, schedule file and
 * report.
 */
final class FailureReports {
  private FailureReports() {}

  /**
   * Replays the failing execution's choices once with tracing on; when that fails the same way,
   * shrinks it (if the options say so) and replays the shrunk one with tracing on; writes the
   * schedule file and builds the failure. When a traced replay does not fail the same way, the
   * test is nondeterministic under a fixed schedule, and the failure says so.
   *
   * @param shrinkDeadline when shrinking must stop ({@link System#nanoTime})
   */
  static Failure investigate(ExecutionResult found, Options options, RacingSites racing,
      String testName, int index, Body body, long shrinkDeadline) {
    Investigation in = new Investigation(found, options, racing, testName, index, body);
    if (untraceable(found)) return in.build(found, found, "");
    ExecutionResult traced = in.traced(found);
    // Shrinking re-runs schedules: it only makes sense where a schedule gives the same execution.
    if (!options.shrink() || !failsAlike(traced, found)) return in.report(found, traced, "");
    Shrinker.Shrunk shrunk = Shrinker.shrink(found, Explorer.config(options, false, racing, body),
        in.seed(), body, options.shrinkRuns(), shrinkDeadline);
    if (shrunk.result() == found) return in.report(found, traced, "");
    return in.report(shrunk.result(), in.traced(shrunk.result()), shrunk.note());
  }

  /**
   * Whether {@code found} is reported as seen, without a traced replay: replaying would block on the
   * same uncontrolled code again, or could not do again what the JVM does once.
   */
  private static boolean untraceable(ExecutionResult found) {
    return found.outcome() == Outcome.STUCK || found.leaked() || found.unrepeatable();
  }

  private static String untracedText(ExecutionResult found) {
    return "(no trace: the execution was not replayed with tracing on, since "
        + (found.unrepeatable() ? "it did what the JVM does once" : "it would block again where it"
            + " got stuck") + ")\n";
  }

  private static boolean failsAlike(ExecutionResult a, ExecutionResult b) {
    return a.outcome() == b.outcome() && summary(a).equals(summary(b));
  }

  /**
   * One failure being investigated: the execution as found, and how to run it again, with the
   * plain-access sites the search scheduled in it ({@code racing}, or null).
   */
  private record Investigation(ExecutionResult found, Options options, RacingSites racing,
      String testName, int index, Body body) {
    long seed() {
      return Explorer.executionSeed(options.seed(), index);
    }

    /** {@code failing}, replayed once with tracing on. */
    ExecutionResult traced(ExecutionResult failing) {
      return Explorer.execute(Explorer.config(options, true, racing, body),
          new Replay(failing.choices(), failing.stepLog()), seed(), body);
    }

    /** The failure of {@code failing}, whose traced replay is {@code traced}. */
    Failure report(ExecutionResult failing, ExecutionResult traced, String notes) {
      if (failsAlike(traced, failing)) {
        // Report from the traced run: its reports name objects as its trace does.
        return build(traced, traced, notes);
      }
      String warning = "Warning: replaying this schedule with tracing on ended differently ("
          + summary(traced) + "). The test is not deterministic under a fixed schedule: look for"
          + " threads Weft does not control, I/O, time, or random numbers.\n";
      return build(failing, traced, warning + notes);
    }

    /**
     * {@code failing} supplies the failure and its schedule, {@code traced} the trace; the schedule
     * file also keeps the choices of {@link #found}, before shrinking.
     */
    Failure build(ExecutionResult failing, ExecutionResult traced, String notes) {
      FailureKind kind = kindOf(failing);
      Schedule schedule = Schedule.of(WeftVersion.get(),
          Runtime.version() + " (" + System.getProperty("java.vendor") + ")", testName,
          options.classpath(), options.args().isEmpty() ? null : options.args(),
          options.jvmArgs().isEmpty() ? null : options.jvmArgs(),
          options.strategy().cliName(), options.seed(), index + 1,
          options.maxSteps(), options.spuriousWakeups(), options.timeouts().cliName(),
          options.openJdkStructures(), kind.name(),
          summary(failing),
          ChoiceCodec.encode(failing.choices()),
          failing.stepLog() == null ? null : StepLogCodec.encode(failing.stepLog()),
          ChoiceCodec.encode(found.choices()),
          options.detectRaces() ? List.copyOf(options.benignRaces()) : null,
          racing == null || racing.size() == 0 ? null : racing.stableKeys(),
          ProgramClasses.hashes(body, traced.trace()));
      Path file = options.outputDir().resolve(fileName(testName));
      try {
        ScheduleFiles.write(schedule, file);
      } catch (IOException e) {
        notes += "Could not write the schedule file " + file + ": " + e.getMessage() + "\n";
        file = null;
      }
      String trace = traced == found && untraceable(found) ? untracedText(found)
          : TraceTable.render(traced.trace(), traced.threadNames());
      return ReportFiles.writeBeside(new Failure(kind, summary(failing), notes + details(failing),
          failing.error(), trace, file, ScheduleFiles.toShortString(schedule), index,
          failing.steps(), failing.preemptions()), traced);
    }
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

  /**
   * What the report says beyond the summary: all of it, except for an exception, whose first line
   * is the summary and whose stack trace the failure carries; then only the notes after it.
   */
  static String details(ExecutionResult r) {
    if (r.report() == null) return "";
    if (r.outcome() != Outcome.EXCEPTION) return r.report();
    int nl = r.report().indexOf('\n');
    return nl < 0 ? "" : r.report().substring(nl + 1);
  }

  private static String fileName(String testName) {
    return testName.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }
}
