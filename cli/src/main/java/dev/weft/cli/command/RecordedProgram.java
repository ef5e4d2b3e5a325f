package dev.weft.cli.command;

import dev.weft.cli.child.ChildMain;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleException;
import dev.weft.explorer.schedule.ScheduleFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The schedule file and {@code --classpath} of the commands that replay one, {@code weft replay}
 * and {@code weft report}: the program to run is the one the file recorded. The file is read here
 * first, so a missing, corrupt or stale one is a usage error before any JVM starts.
 */
final class RecordedProgram {
  @Spec(Spec.Target.MIXEE) private CommandSpec spec;

  @Parameters(paramLabel = "SCHEDULE_FILE",
      description = "A schedule file written by 'weft run', e.g. target/weft/com.acme.Main.json.")
  private String scheduleFile;

  @Option(names = "--classpath", paramLabel = "CP",
      description = "The program's class path (default: the one recorded in the schedule).")
  private String classpath;

  /**
   * The child's system properties and arguments that replay the schedule in {@code mode} ({@link
   * ChildMain#REPLAY} or {@link ChildMain#REPORT}), with the same packages instrumented as when it
   * was recorded, and the JVM options it recorded unless {@code --jvm-arg} gives others.
   *
   * @throws ParameterException when the file cannot be replayed: what to fix
   */
  Child child(String mode, PackageFilter packages, JvmOptions jvm) {
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
    Map<String, String> properties = new LinkedHashMap<>();
    // A schedule recorded with race detection replays with it, and one whose search scheduled
    // racing plain accesses schedules them again: either way its agent must see plain accesses.
    if (schedule.races() != null || schedule.racingSites() != null) {
      properties.put("weft.races", "true");
    }
    packages.addTo(properties);
    properties.put(ChildMain.REPLAY_COMMAND, Invocation.command("replay")
        + (classpath == null ? "" : " " + JvmOptions.quoted("--classpath=" + classpath))
        + packages.asCommandLine() + jvm.asCommandLine());
    List<String> args = new ArrayList<>(List.of(mode, programPath, schedule.test(), scheduleFile));
    if (schedule.args() != null) args.addAll(schedule.args()); // main gets what it got
    List<String> jvmArgs = jvm.jvmArgs();
    if (jvmArgs.isEmpty() && schedule.jvmArgs() != null) jvmArgs = schedule.jvmArgs();
    return new Child(jvmArgs, properties, args.toArray(String[]::new));
  }

  /** What {@code ChildJvm.run} takes. */
  record Child(List<String> jvmArgs, Map<String, String> properties, String[] args) {}
}
