package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.ExitsOnLostUpdate;
import dev.weft.samples.cli.ExitsWhileWorking;
import dev.weft.samples.cli.Programs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exit inside an execution ends that execution, not the JVM that explores: with a status other
 * than 0 it is the bug found, with 0 the execution passed.
 */
class ProgramExitTest {
  @TempDir Path dir;

  @Test
  void anExitWithAnErrorStatusIsTheBugAndReplays() {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", ExitsOnLostUpdate.class.getName(), "--output-dir", dir.toString());
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    String summary = "T0 called System.exit(1) at ExitsOnLostUpdate.java:18";
    assertTrue(found.out().contains("Weft found a bug (exit)"), found::toString);
    assertTrue(found.out().contains(summary), found::toString);

    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(found.trace(), replayed.trace());
    assertTrue(replayed.out().contains("The recorded failure reproduced: " + summary),
        replayed::toString);
  }

  @Test
  void anExitWithStatusZeroEndsTheExecutionAsPassed() {
    CliRun r = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", ExitsWhileWorking.class.getName(), "--strategy", "dfs",
        "--output-dir", dir.toString());
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("exhaustive: every interleaving class covered, no bug"),
        r::toString);
  }
}
