package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.PrintingLostUpdate;
import dev.weft.samples.cli.PrintsTooMuch;
import dev.weft.samples.cli.Programs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's output is captured per execution: the report shows the failing execution's, after
 * the trace, and nothing else of it; {@code --show-output} prints all of it as it is written.
 */
class OutputCaptureTest {
  private static final String HEADING = "Output of the execution above";

  @TempDir Path dir;

  @Test
  void theReportShowsTheFailingExecutionsOutputAfterItsTrace() {
    CliRun r = run(PrintingLostUpdate.class.getName());
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    String out = r.out();
    // Once, though the search ran main in several executions, then shrank and replayed the bug.
    assertEquals(1, occurrences(out, "main starts"), r::toString);
    assertTrue(out.indexOf(r.trace()) < out.indexOf(HEADING), r::toString);
    String output = out.substring(out.indexOf(HEADING), out.indexOf("Schedule written to"));
    // Both threads read 0 in the execution that lost the update, and stderr is kept in its place.
    assertTrue(output.contains("main starts\nread 0\nread 0\nmain ends with 1\n"), r::toString);
    assertFalse(r.err().contains("main starts"), r::toString);
  }

  @Test
  void replayShowsTheReplayedExecutionsOutput() {
    CliRun found = run(PrintingLostUpdate.class.getName());
    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(1, occurrences(replayed.out(), "main starts"), replayed::toString);
    assertTrue(replayed.out().contains(HEADING + " (standard output and error, as written):\n"
        + "main starts\nread 0\nread 0\nmain ends with 1\n"), replayed::toString);
  }

  @Test
  void showOutputPrintsEveryExecutionsOutputAsItIsWritten() {
    CliRun r = run(PrintingLostUpdate.class.getName(), "--show-output");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(occurrences(r.out(), "main starts") > 1, r::toString);
    assertTrue(r.out().indexOf("main starts") < r.out().indexOf("Weft found a bug"), r::toString);
    assertFalse(r.out().contains(HEADING), r::toString);
  }

  @Test
  void keepsTheLastPartOfALongOutputAndSaysWhatItDropped() {
    CliRun r = run(PrintsTooMuch.class.getName());
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    String out = r.out();
    assertTrue(out.contains("line 09999 of the program's output\n"), r::toString);
    assertFalse(out.contains("line 00000 "), r::toString);
    // 10,000 lines of 35 bytes: the whole lines within the last 64 KB are kept, 1872 of them.
    long dropped = (10_000 - 1872) * 35L;
    assertTrue(out.contains("(" + dropped + " bytes dropped before this: only the last 64 KB of an"
        + " execution's output are kept)\nline 08128 of the program's output\n"), r::toString);
  }

  private CliRun run(String mainClass, String... more) {
    String[] args = {"run", "--classpath", Programs.samplesClassPath(), "--main", mainClass,
        "--output-dir", dir.toString()};
    return weft(CliRun.with(args, more));
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) count++;
    return count;
  }
}
