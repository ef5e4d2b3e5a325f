package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.LostUpdate;
import dev.weft.samples.cli.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JaCoCo's agent, which a build that measures coverage puts on the same JVM, beside Weft's: both
 * rewrite the program's classes, and the bug is still found, replays to the same trace, and the
 * coverage is recorded.
 */
class CoverageAgentTest {
  @TempDir Path dir;

  @Test
  void aBugIsFoundAndReplayedWithJacocosAgentInTheSameJvm() throws Exception {
    Path jacoco = Path.of(System.getProperty("jacoco.agent.jar"));
    Path coverage = dir.resolve("jacoco.exec");
    String agent = "--jvm-arg=-javaagent:" + jacoco + "=destfile=" + coverage;
    CliRun found = weft("run", agent, "--classpath", Programs.samplesClassPath(),
        "--main", LostUpdate.class.getName(), "--output-dir", dir.toString());
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    assertTrue(found.out().contains("lost update"), found::toString);
    assertTrue(Files.size(coverage) > 0, "JaCoCo wrote no coverage");

    CliRun replayed = weft("replay", agent, found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertTrue(replayed.out().contains("The recorded failure reproduced"), replayed::toString);
    assertEquals(found.trace(), replayed.trace());
  }
}
