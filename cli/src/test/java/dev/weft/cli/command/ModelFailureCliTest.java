package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.BreaksWeftsModelBeforeAHook;
import dev.weft.samples.cli.CorruptsWeftsModel;
import dev.weft.samples.cli.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A failure of Weft's model inside a hook ends {@code weft run} with exit code 4, never as a bug. */
class ModelFailureCliTest {
  @TempDir Path dir;

  @Test
  void aModelFailureExitsWithWeftsOwnCodeAndWritesNoSchedule() throws IOException {
    CliRun r = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", CorruptsWeftsModel.class.getName(), "--output-dir", dir.toString());
    assertEquals(ExitCode.INTERNAL, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Weft failed: it could not model T0's operation in the hook"
        + " MonitorHooks.notifyOne, because it threw java.lang.ArrayIndexOutOfBoundsException"),
        r::toString);
    assertTrue(r.err().contains("not in the program under test"), r::toString);
    assertFalse(r.out().contains("Weft found a bug"), r::toString);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), r::toString);
    }
  }

  @ParameterizedTest
  @CsvSource({"threadExiting, ThreadHooks, T1", "unpark, ParkingHooks, T0"})
  void aModelFailureInAHookThatGuardsItselfExitsWithWeftsOwnCode(String hook, String hooks,
      String thread) throws IOException {
    CliRun r = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", BreaksWeftsModelBeforeAHook.class.getName(), "--output-dir", dir.toString(),
        "--", hook);
    assertEquals(ExitCode.INTERNAL, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Weft failed: it could not model " + thread + "'s operation in"
        + " the hook " + hooks + "." + hook + ", because it threw"), r::toString);
    assertFalse(r.out().contains("Weft found a bug"), r::toString);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), r::toString);
    }
  }
}
