package dev.weft.cli.child;

import dev.weft.cli.ExitCode;
import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.explorer.report.ResultJson;
import dev.weft.explorer.report.html.HtmlReport;
import dev.weft.explorer.schedule.ScheduleException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM's entry point, started by {@code ChildJvm} with the agent loaded. Internal: its
 * arguments are not a user interface.
 *
 * <pre>
 *   ChildMain run    CLASS_PATH MAIN_CLASS [ARGS...]
 *   ChildMain replay CLASS_PATH MAIN_CLASS SCHEDULE_FILE [ARGS...]
 *   ChildMain report CLASS_PATH MAIN_CLASS SCHEDULE_FILE [ARGS...]  (replays, prints only where the
 *                                                                    page and graph were written)
 * </pre>
 *
 * MAIN_CLASS may instead be a JUnit 5 test method, {@code CLASS#METHOD} ({@link JUnitMethod}),
 * with no ARGS; a schedule records it as its {@code test}, so replay and report run the same method.
 *
 * ARGS are the arguments of the program's {@code main}. {@code -D}{@value #REPLAY_COMMAND} is the
 * command that replays a schedule file, given as its last argument: it is printed with a bug and
 * put on its HTML page. With {@code -D}{@value #JSON}{@code =true}, {@code run} prints its result
 * as JSON on standard output, and all else on standard error. The program's output is captured
 * per execution ({@link ExecutionOutput}) and printed after the report of the failing one, unless
 * {@code -D}{@value #SHOW_OUTPUT}{@code =true} lets it through as it is written.
 *
 * Exploration options arrive as {@code weft.*} system properties. Exits with an {@link ExitCode}.
 */
public final class ChildMain {
  public static final String RUN = "run";
  public static final String REPLAY = "replay";
  public static final String REPORT = "report";
  /** The system property that asks {@code run} for its result as JSON. */
  public static final String JSON = "weft.cli.json";
  /** The system property that lets the output of every execution through, as it is written. */
  public static final String SHOW_OUTPUT = "weft.cli.showOutput";
  /** The system property that holds the command replaying a schedule file, but for the file. */
  public static final String REPLAY_COMMAND = "weft.cli.replayCommand";
  /** The system property that names the shard to explore, {@code K/N} ({@code --shard}). */
  public static final String SHARD = "weft.cli.shard";
  /** The system property that names the shard's result file. */
  public static final String SHARD_RESULT = "weft.cli.shardResult";
  /**
   * The system property that names the file in which the workers of {@code --parallel} hear the
   * lowest index at which another worker found a bug.
   */
  public static final String BUG_ELSEWHERE = "weft.cli.bugElsewhere";
  /** The system property that says which packages the agent was told to leave out, if any. */
  public static final String INSTRUMENTED = "weft.cli.instrumented";

  private ChildMain() {}

  public static void main(String[] args) {
    int code;
    try {
      // run has no schedule file, the others one, before the program's arguments.
      int programArgs = args[0].equals(RUN) ? 3 : 4;
      code = run(args[0], args[1], args[2], programArgs == 4 ? args[3] : null,
          List.of(args).subList(programArgs, args.length), System.out);
    } catch (RuntimeException | Error e) { // not exit 1, which would read as "bug found"
      code = ExitCode.internal(System.err, e);
    }
    System.out.flush();
    // Exit even if the program left behind threads that Weft does not control.
    System.exit(code);
  }

  private static int run(String mode, String classpath, String mainClass, String scheduleFile,
      List<String> programArgs, PrintStream out) {
    if (mode.equals(RUN) && Boolean.getBoolean(JSON)) {
      // Standard output carries the JSON alone: the program's output and the report go to stderr.
      System.setOut(System.err);
      try {
        return run(mode, classpath, mainClass, scheduleFile, programArgs, System.err, out);
      } finally {
        out.flush();
      }
    }
    return run(mode, classpath, mainClass, scheduleFile, programArgs, out, out);
  }

  /** Runs; prints the report to {@code out}, and the JSON result to {@code json} if not out. */
  private static int run(String mode, String classpath, String mainClass, String scheduleFile,
      List<String> programArgs, PrintStream out, PrintStream json) {
    ExecutionOutput output = Boolean.getBoolean(SHOW_OUTPUT) ? null : ExecutionOutput.install();
    try {
      Body body;
      try {
        Runnable atStart = output == null ? () -> {} : output::startExecution;
        body = JUnitMethod.isSelector(mainClass)
            ? ProgramLoader.testBody(classpath, mainClass, atStart)
            : ProgramLoader.mainBody(classpath, mainClass, programArgs, atStart);
      } catch (IllegalArgumentException e) {
        return ExitCode.usage(System.err, e.getMessage());
      }
      return switch (mode) {
        case REPLAY -> replay(scheduleFile, body, out, output);
        case REPORT -> report(scheduleFile, body, out, output);
        default -> explore(Options.builder().testName(mainClass).classpath(classpath)
            .args(programArgs)
            .jvmArgs(RecordedJvmArgs.decode(System.getProperty(RecordedJvmArgs.PROPERTY)))
            .build(), body, out, json, output);
      };
    } finally {
      if (output != null) output.close();
    }
  }

  private static int explore(Options options, Body body, PrintStream out, PrintStream json,
      ExecutionOutput output) {
    String replayCommand = System.getProperty(REPLAY_COMMAND);
    ExplorationResult result = ShardExploration.requested()
        ? ShardExploration.explore(options, body, replayCommand, out)
        : Weft.exploreInterleavings(options, body);
    if (json != out) json.println(ResultJson.render(result, replayCommand));
    String instrumented = System.getProperty(INSTRUMENTED);
    if (instrumented != null) out.println(instrumented);
    if (result.failure().isEmpty()) {
      out.println(result.summary());
      return ExitCode.NO_BUG;
    }
    Failure failure = result.failure().get();
    out.print(failure.report());
    printOutput(output, out);
    if (failure.scheduleFile() != null) {
      out.println("Schedule written to " + failure.scheduleFile());
      printReport(failure, out, output);
      out.println("Replay it from the command line:");
      out.println("  " + replayCommand + " " + failure.scheduleFile());
    }
    return ExitCode.BUG;
  }

  /**
   * The output of the last execution, the one reported: a report comes from a run with tracing on,
   * the last run of the program. Nothing when the output was shown as written.
   */
  private static void printOutput(ExecutionOutput output, PrintStream out) {
    if (output != null) out.print(output.captured().section());
  }

  /**
   * Adds the failing execution's output (unless it was shown as written) and the command that
   * replays the failure to its page, and says where the page and the graph are: written beside a
   * schedule file.
   */
  private static void printReport(Failure failure, PrintStream out, ExecutionOutput output) {
    Path schedule = failure.scheduleFile();
    Path page = ReportFiles.beside(schedule, ReportFiles.HTML);
    try {
      HtmlReport.Section printed = output == null ? null : output.captured().pageSection();
      if (printed != null) HtmlReport.append(page, printed);
      HtmlReport.putReplay(page, new HtmlReport.Section("Replay it from the command line",
          List.of(System.getProperty(REPLAY_COMMAND) + " " + schedule), List.of()));
    } catch (IOException e) { // the page was just written: the failure is reported regardless
      out.println("Could not add the program's output and the replay command to " + page + ": "
          + e);
    }
    out.println("Report written to " + page + ", its happens-before graph to "
        + ReportFiles.beside(schedule, ReportFiles.DOT));
  }

  private static int replay(String scheduleFile, Body body, PrintStream out,
      ExecutionOutput output) {
    ReplayResult result;
    try {
      result = Weft.replay(scheduleFile, body);
    } catch (ScheduleException e) { // a class it hashes changed, or the file since it was read
      return ExitCode.usage(System.err, e.getMessage());
    }
    if (result.status() == ReplayResult.Status.REPRODUCED) {
      Failure failure = result.failure().orElseThrow();
      out.print(failure.report());
      printOutput(output, out);
      printReport(failure, out, output);
      out.println(result.message());
      return ExitCode.BUG;
    }
    out.println(result.trace());
    printOutput(output, out);
    out.println(result.message());
    return ExitCode.NOT_REPRODUCED;
  }

  /**
   * Replays the schedule to write its page and graph again, with this version of Weft; prints
   * where they are, or how the replay differed from the recording.
   */
  private static int report(String scheduleFile, Body body, PrintStream out,
      ExecutionOutput output) {
    ReplayResult result;
    try {
      result = Weft.replay(scheduleFile, body);
    } catch (ScheduleException e) {
      return ExitCode.usage(System.err, e.getMessage());
    }
    if (result.status() != ReplayResult.Status.REPRODUCED) {
      System.err.println("weft: " + result.message());
      return ExitCode.NOT_REPRODUCED;
    }
    printReport(result.failure().orElseThrow(), out, output);
    return ExitCode.NO_BUG;
  }
}
