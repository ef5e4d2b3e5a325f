package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.samples.cli.EchoArguments;
import dev.weft.samples.cli.Programs;
import dev.weft.samples.cli.SpinsForever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code weft run} hands the program and where it writes: the arguments after {@code --},
 * {@code --jvm-arg}, {@code --output-dir}; and that {@code weft replay} hands over the same.
 */
class ProgramOptionsTest {
  private static final String MAIN = EchoArguments.class.getName();

  @TempDir Path dir;

  @Test
  void argumentsReachMainAndTheReplay() {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(), "--main", MAIN,
        "--output-dir", dir.toString(), "--", "a b", "-x");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    assertTrue(found.out().contains("args [a b, -x], sample.flag=null"), found::toString);
    assertEquals(dir.resolve(MAIN + ".json").toString(), found.scheduleFile());
    Schedule schedule = ScheduleFiles.read(found.scheduleFile(), WeftVersion.get());
    assertEquals(List.of("a b", "-x"), schedule.args());

    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertTrue(replayed.out().contains("The recorded failure reproduced: T0 threw"
        + " java.lang.IllegalStateException: args [a b, -x]"), replayed::toString);
  }

  @Test
  void aRunWithoutArgumentsRecordsNone() throws Exception {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(), "--main", MAIN,
        "--output-dir", dir.toString());
    assertTrue(found.out().contains("args [], sample.flag=null"), found::toString);
    // Absent, as in the files written before arguments were recorded, which replay with none.
    String file = Files.readString(Path.of(found.scheduleFile()));
    assertFalse(file.contains("\"args\"") || file.contains("\"jvmArgs\""), found::toString);
    assertEquals(ExitCode.BUG, weft("replay", found.scheduleFile()).exitCode());
  }

  @Test
  void jvmArgsReachTheProgramsJvmAndAreRecordedForTheReplay() {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(), "--main", MAIN,
        "--output-dir", dir.toString(), "--jvm-arg=-Dsample.flag=on it", "--jvm-arg", "-Xmx256m");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    assertTrue(found.out().contains("args [], sample.flag=on it"), found::toString);
    Schedule schedule = ScheduleFiles.read(found.scheduleFile(), WeftVersion.get());
    assertEquals(List.of("-Dsample.flag=on it", "-Xmx256m"), schedule.jvmArgs());
    // Recorded, so the replay command need not repeat them.
    assertTrue(found.out().contains("\n  weft replay " + found.scheduleFile() + "\n"),
        found::toString);

    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertTrue(replayed.out().contains("The recorded failure reproduced: T0 threw"
        + " java.lang.IllegalStateException: args [], sample.flag=on it"), replayed::toString);
    CliRun report = weft("report", found.scheduleFile());
    assertEquals(ExitCode.NO_BUG, report.exitCode(), report::toString);
  }

  @Test
  void jvmArgsGivenToReplayReplaceTheRecordedOnes() {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(), "--main", MAIN,
        "--output-dir", dir.toString(), "--jvm-arg=-Dsample.flag=on it");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);

    CliRun replayed = weft("replay", "--jvm-arg=-Dsample.flag=other", found.scheduleFile());
    // The program now fails with another message: not the recorded failure.
    assertEquals(ExitCode.NOT_REPRODUCED, replayed.exitCode(), replayed::toString);
    assertTrue(replayed.out().contains("sample.flag=other"), replayed::toString);
  }

  @Test
  void theStuckReportNamesTheExecutionTimeoutItWasGiven() {
    CliRun r = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", SpinsForever.class.getName(), "--output-dir", dir.toString(),
        "--execution-timeout=1500ms");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("T0 is running code Weft does not control (an uncontrolled lock or"
        + " queue, I/O, or a loop with no scheduling point) and did not come back within the"
        + " execution timeout of 1500 ms.\n"), r::toString);
    assertTrue(r.out().contains("raise the execution timeout: --execution-timeout"), r::toString);
  }

  @Test
  void aJvmArgThatIsNoOptionOrReplacesTheClassPathIsRefused() {
    String[] run = {"run", "--classpath", Programs.samplesClassPath(), "--main", MAIN};
    weft(concat(run, "--jvm-arg=Xmx2g")).assertUsageError(
        "--jvm-arg takes one JVM option, starting with '-' (e.g. --jvm-arg=-Xmx2g), not 'Xmx2g'");
    weft(concat(run, "--jvm-arg=-cp")).assertUsageError(
        "--jvm-arg=-cp would change how weft starts the program's JVM; give the program's class"
            + " path with --classpath");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
