package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.samples.cli.FreshStatics;
import dev.weft.samples.cli.InstanceMain;
import dev.weft.samples.cli.LostUpdate;
import dev.weft.samples.cli.Programs;
import dev.weft.samples.cli.SynchronizedCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code weft run} end to end: a real child JVM with the agent, on the sample programs. */
class RunCommandTest {
  private static final String SAMPLES = Programs.samplesClassPath();

  private static CliRun run(Class<?> main, String... options) {
    String[] args = Stream.concat(
            Stream.of("run", "--classpath", SAMPLES, "--main", main.getName()), Stream.of(options))
        .toArray(String[]::new);
    return weft(args);
  }

  @Test
  void findsTheLostUpdateAndSaysHowToReplayIt() throws IOException {
    CliRun r = run(LostUpdate.class, "--seed", "7");
    String schedule = "target/weft/" + LostUpdate.class.getName() + ".json";
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Weft found a bug (exception)"), r::toString);
    assertTrue(r.out().contains("lost update: expected 2 but was 1"), r::toString);
    assertTrue(r.trace().contains("write LostUpdate.count  LostUpdate.java:"), r::toString);
    assertTrue(r.out().contains("Schedule written to " + schedule + "\n"), r::toString);
    String report = "target/weft/" + LostUpdate.class.getName();
    assertTrue(r.out().contains("Report written to " + report + ".html, its happens-before graph"
        + " to " + report + ".dot\n"), r::toString);
    assertTrue(Files.readString(Path.of(report + ".html")).contains("class=\"step failing\""),
        report);
    assertTrue(Files.readString(Path.of(report + ".dot")).contains("[ kind=\"start\""), report);
    // Run from classes, not from weft.jar: the command is the installed name.
    assertTrue(r.out().contains("\n  weft replay " + schedule + "\n"), r::toString);
    // The child runs on the same java as this test (JDK 25 when CI sets weft.test.jvm).
    assertTrue(Files.readString(Path.of(schedule)).contains("\"jvm\": \"" + Runtime.version()),
        schedule);
    // The file numbers the failing execution as the report does.
    int execution = ScheduleFiles.read(schedule, WeftVersion.get()).execution();
    assertTrue(r.out().contains("Weft found a bug (exception) in execution " + execution + ","),
        r::toString);
  }

  @Test
  void oneOfACountIsSingular() {
    CliRun r = run(SynchronizedCounter.class, "--iterations", "1");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("1 execution (1 interleaving class) in "), r::toString);
  }

  @Test
  void correctTwinPassesEveryExecution() {
    CliRun r = run(SynchronizedCounter.class, "--strategy", "pct", "--depth", "2",
        "--iterations", "200", "--time-limit", "2m", "--max-steps", "1000");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("200 executions ("), r::toString);
    assertTrue(r.out().contains("no bug found (iterations_done)"), r::toString);
  }

  @Test
  void systematicSearchProvesTheCorrectTwin() {
    CliRun r = run(SynchronizedCounter.class, "--strategy", "dfs", "--iterations", "10000");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("exhaustive: every interleaving class covered, no bug"),
        r::toString);
  }

  @Test
  void preemptionBoundedSearchFindsTheBugWithFewestPreemptions() {
    CliRun r = run(LostUpdate.class, "--strategy", "dfs", "--preemption-bound", "3");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("with 1 preemption"), r::toString);
  }

  @Test
  void aBugIsShrunkUnlessNoShrinkIsGiven() {
    CliRun found = run(LostUpdate.class, "--strategy", "random", "--seed", "1", "--no-shrink");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    assertTrue(found.out().contains("with 4 preemptions:"), found::toString);
    assertFalse(found.out().contains("Shrunk from"), found::toString);
    Schedule asFound = ScheduleFiles.read(found.scheduleFile(), WeftVersion.get());
    assertEquals(asFound.original(), asFound.choices());

    CliRun shrunk = run(LostUpdate.class, "--strategy", "random", "--seed", "1");
    assertTrue(shrunk.out().contains("with 1 preemption:"), shrunk::toString);
    assertTrue(shrunk.out().contains("Shrunk from 4 preemptions"), shrunk::toString);
    Schedule schedule = ScheduleFiles.read(shrunk.scheduleFile(), WeftVersion.get());
    assertEquals(asFound.choices(), schedule.original());
  }

  @Test
  void everyExecutionStartsWithFreshStaticState() {
    CliRun r = run(FreshStatics.class, "--strategy", "random", "--iterations", "50");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("50 executions ("), r::toString);
  }

  @Test
  void helpListsTheOptionsAndExitCodes() {
    CliRun r = weft("run", "--help");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("--time-limit=DURATION"), r::toString);
    assertTrue(r.out().contains("Exit codes:"), r::toString);
  }

  static Stream<Arguments> usageErrors() {
    String main = LostUpdate.class.getName();
    return Stream.of(
        Arguments.of(new String[] {"run", "--classpath", SAMPLES, "--main", main, "--bogus"},
            "Unknown option: '--bogus' (see 'weft run --help')"),
        Arguments.of(new String[] {"run", "--classpath", SAMPLES},
            "Missing required argument (specify one of these):"
                + " (--main=CLASS | --test=CLASS#METHOD)"),
        Arguments.of(new String[] {"run", "--classpath", SAMPLES, "--main", "com.acme.Main"},
            "class com.acme.Main not found on the class path " + SAMPLES
                + "; check the class name and the path"),
        Arguments.of(new String[] {"run", "--classpath", "no/such/dir", "--main", main},
            "class path entry 'no/such/dir' does not exist in "
                + Path.of("").toAbsolutePath() + "; fix --classpath"),
        Arguments.of(
            new String[] {"run", "--classpath", SAMPLES, "--main", InstanceMain.class.getName()},
            "has no public static void main(String[])"),
        Arguments.of(new String[] {"run", "--classpath", SAMPLES, "--main", main,
            "--time-limit", "ten seconds"}, "cannot read duration 'ten seconds'"),
        Arguments.of(new String[] {"run", "--classpath", SAMPLES, "--main", main,
            "--iterations", "0"}, "'--iterations': must be at least 1, was 0"),
        Arguments.of(new String[] {"run", "--classpath", SAMPLES, "--main", main,
            "--strategy", "bfs"},
            "unknown strategy 'bfs'; choose one of: random, pct, dfs, pos, surw, portfolio"),
        Arguments.of(new String[] {}, "name a command: run, replay, report, merge or generate-completion"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorIsOneLineOnStderr(String[] args, String expected) {
    CliRun r = weft(args);
    r.assertUsageError(expected);
    assertFalse(r.err().contains("Exception"), r::toString);
  }
}
