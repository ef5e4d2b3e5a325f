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
import dev.weft.explorer.schedule.ScheduleException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM's entry point, started by {@code ChildJvm} with the agent loaded. Internal: its
 * arguments are not a user interface.
 *
 * <pre>
 *   ChildMain run    CLASS_PATH MAIN_CLASS REPLAY_COMMAND [ARGS...]  (REPLAY_COMMAND: the command
 *                                                                    that replays a schedule file,
 *                                                                    for the line it prints)
 *   ChildMain replay CLASS_PATH MAIN_CLASS SCHEDULE_FILE [ARGS...]
 * </pre>
 *
 * ARGS are the arguments of the program's {@code main}. With {@code -D}{@value #JSON}{@code =true},
 * {@code run} prints its result as JSON on standard output, and all else on standard error.
 *
 * Exploration options arrive as {@code weft.*} system properties. Exits with an {@link ExitCode}.
 */
public final class ChildMain {
  public static final String RUN = "run";
  public static final String REPLAY = "replay";
  /** The system property that asks {@code run} for its result as JSON. */
  public static final String JSON = "weft.cli.json";

  private ChildMain() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args[0], args[1], args[2], args[3],
          List.of(args).subList(4, args.length), System.out);
    } catch (RuntimeException | Error e) { // not exit 1, which would read as "bug found"
      code = ExitCode.internal(System.err, e);
    }
    System.out.flush();
    // Exit even if the program left behind threads that Weft does not control.
    System.exit(code);
  }

  private static int run(String mode, String classpath, String mainClass, String last,
      List<String> programArgs, PrintStream out) {
    Body body;
    try {
      body = ProgramLoader.mainBody(classpath, mainClass, programArgs);
    } catch (IllegalArgumentException e) {
      return ExitCode.usage(System.err, e.getMessage());
    }
    if (mode.equals(REPLAY)) return replay(last, body, out);
    return explore(Options.builder().testName(mainClass).classpath(classpath).args(programArgs)
        .build(), body, last, out);
  }

  private static int explore(Options options, Body body, String replayCommand, PrintStream out) {
    if (!Boolean.getBoolean(JSON)) return explore(options, body, replayCommand, out, out);
    // Standard output carries the JSON alone: the program's output and the report go to stderr.
    System.setOut(System.err);
    try {
      return explore(options, body, replayCommand, System.err, out);
    } finally {
      out.flush();
    }
  }

  /** Explores; prints the report to {@code out}, and the JSON result to {@code json} if not out. */
  private static int explore(Options options, Body body, String replayCommand, PrintStream out,
      PrintStream json) {
    ExplorationResult result = Weft.exploreInterleavings(options, body);
    if (json != out) json.println(ResultJson.render(result, replayCommand));
    if (result.failure().isEmpty()) {
      out.println(result.summary());
      return ExitCode.NO_BUG;
    }
    Failure failure = result.failure().get();
    out.print(failure.report());
    if (failure.scheduleFile() != null) {
      out.println("Schedule written to " + failure.scheduleFile());
      printReport(failure, out);
      out.println("Replay it from the command line:");
      out.println("  " + replayCommand + " " + failure.scheduleFile());
    }
    return ExitCode.BUG;
  }

  /** Where the page and the graph of a failure with a schedule file are. */
  private static void printReport(Failure failure, PrintStream out) {
    Path schedule = failure.scheduleFile();
    out.println("Report written to " + ReportFiles.beside(schedule, ReportFiles.HTML)
        + ", its happens-before graph to " + ReportFiles.beside(schedule, ReportFiles.DOT));
  }

  private static int replay(String scheduleFile, Body body, PrintStream out) {
    ReplayResult result;
    try {
      result = Weft.replay(scheduleFile, body);
    } catch (ScheduleException e) { // a class it hashes changed, or the file since it was read
      return ExitCode.usage(System.err, e.getMessage());
    }
    if (result.status() == ReplayResult.Status.REPRODUCED) {
      Failure failure = result.failure().orElseThrow();
      out.print(failure.report());
      printReport(failure, out);
      out.println(result.message());
      return ExitCode.BUG;
    }
    out.println(result.trace());
    out.println(result.message());
    return ExitCode.NOT_REPRODUCED;
  }
}
