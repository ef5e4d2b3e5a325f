package dev.weft.cli.command;

import dev.weft.cli.child.ChildMain;
import dev.weft.cli.launch.ChildJvm;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleException;
import dev.weft.explorer.schedule.ScheduleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft replay}: replays a schedule file written by {@code weft run}, in a child JVM, against
 * the main class it names. The file is read here first, so a missing, corrupt or stale one is a
 * usage error before any JVM starts.
 *
 * <p>Internal: the API is the command line, documented by {@code weft replay --help}.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replays the failing execution recorded in a schedule file, step by step, and"
        + " prints its trace.")
public final class ReplayCommand implements Callable<Integer> {
  private final ChildJvm child;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "SCHEDULE_FILE",
      description = "A schedule file written by 'weft run', e.g. target/weft/com.acme.Main.json.")
  private String scheduleFile;

  @Option(names = "--classpath", paramLabel = "CP",
      description = "The program's class path (default: the one recorded in the schedule).")
  private String classpath;

  @Mixin private JvmOptions jvm;

  public ReplayCommand(ChildJvm child) {
    this.child = child;
  }

  @Override
  public Integer call() {
    Schedule schedule;
    try {
      schedule = ScheduleFiles.read(scheduleFile, WeftVersion.get());
    } catch (ScheduleException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (schedule.classpath() == null) { // a test's schedule, or a weft1;... string
      throw new ParameterException(spec.commandLine(), "'" + scheduleFile
          + "' was not written by 'weft run' and names no program to run; replay it with"
          + " Weft.replay in the test that found it");
    }
    String programPath = classpath != null ? classpath : schedule.classpath();
    String badPath = ClassPathCheck.problem(programPath);
    if (badPath != null) {
      throw new ParameterException(spec.commandLine(), badPath + (classpath != null
          ? "; fix --classpath"
          : ", as recorded in " + scheduleFile + "; pass the program's class path with"
              + " --classpath"));
    }
    // A schedule recorded with race detection replays with it, and one whose search scheduled
    // racing plain accesses schedules them again: either way its agent must see plain accesses.
    Map<String, String> properties = schedule.races() == null && schedule.racingSites() == null
        ? Map.of() : Map.of("weft.races", "true");
    List<String> childArgs = new ArrayList<>(List.of(ChildMain.REPLAY, programPath,
        schedule.test(), scheduleFile));
    if (schedule.args() != null) childArgs.addAll(schedule.args()); // main gets what it got
    return child.run(jvm.jvmArgs(), properties, childArgs.toArray(String[]::new));
  }
}
