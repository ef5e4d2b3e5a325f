package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.PrintingLostUpdate;
import dev.weft.samples.cli.PrintsTooMuch;
import dev.weft.samples.cli.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's output is captured per execution: the report shows the failing execution's, after
 * the trace, and nothing else of it, each line marked with the step it was written after and its
 * thread; {@code --show-output} prints all of it as it is written.
 */
class OutputCaptureTest {
  private static final String HEADING = "Output of the execution above";
  /** PrintingLostUpdate's failing execution: each thread prints what it read, right after it. */
  private static final String MARKED = """
       after step | thread | line
                - | T0     | main starts
                3 | T1     | read 0
                5 | T2     | read 0
               12 | T0     | main ends with 1
      """;

  private static final String MARKED_ON_THE_PAGE =
      "<tr><th>after step</th><th>thread</th><th>line</th></tr>\n"
          + "<tr><td>-</td><td>T0</td><td>main starts</td></tr>\n"
          + "<tr><td>3</td><td>T1</td><td>read 0</td></tr>\n"
          + "<tr><td>5</td><td>T2</td><td>read 0</td></tr>\n"
          + "<tr><td>12</td><td>T0</td><td>main ends with 1</td></tr>\n";

  @TempDir Path dir;

  @Test
  void theReportShowsTheFailingExecutionsOutputAfterItsTraceWithItsSteps() throws IOException {
    CliRun r = run(PrintingLostUpdate.class.getName());
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    String out = r.out();
    // Once, though the search ran main in several executions, then shrank and replayed the bug.
    assertEquals(1, occurrences(out, "main starts"), r::toString);
    assertTrue(out.indexOf(r.trace()) < out.indexOf(HEADING), r::toString);
    String output = out.substring(out.indexOf(HEADING), out.indexOf("Schedule written to"));
    // Both threads read 0 in the execution that lost the update, and stderr is kept in its place.
    assertTrue(output.contains(MARKED), r::toString);
    assertFalse(r.err().contains("main starts"), r::toString);
    assertMarksAreTheWritersSteps(r.trace(), MARKED);
    // The page shows the same lines with the same marks.
    String page = Files.readString(Path.of(r.scheduleFile().replaceAll("\\.json$", ".html")));
    assertTrue(page.contains(MARKED_ON_THE_PAGE), page);
  }

  @Test
  void replayShowsTheReplayedExecutionsOutputAndReportPutsItOnThePage() throws IOException {
    CliRun found = run(PrintingLostUpdate.class.getName());
    Path page = Path.of(found.scheduleFile().replaceAll("\\.json$", ".html"));
    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(1, occurrences(replayed.out(), "main starts"), replayed::toString);
    assertTrue(replayed.out().contains(HEADING + " (standard output and error, as written):\n"
        + MARKED), replayed::toString);

    Files.delete(page);
    CliRun reported = weft("report", found.scheduleFile());
    assertEquals(ExitCode.NO_BUG, reported.exitCode(), reported::toString);
    assertFalse(reported.out().contains("main starts"), reported::toString);
    assertTrue(Files.readString(page).contains(MARKED_ON_THE_PAGE), reported::toString);
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
    assertTrue(out.contains("| line 09999 of the program's output\n"), r::toString);
    assertFalse(out.contains("line 00000 "), r::toString);
    // 10,000 lines of 35 bytes: the whole lines within the last 64 KB are kept, 1872 of them.
    // main prints them before the execution's first step.
    long dropped = (10_000 - 1872) * 35L;
    assertTrue(out.contains("(" + dropped + " bytes dropped before this: only the last 64 KB of an"
        + " execution's output are kept)\n after step | thread | line\n"
        + "          - | T0     | line 08128 of the program's output\n"), r::toString);
  }

  /**
   * Each marked line's step is a row of the trace in the column of the thread that wrote the
   * line: a thread writes only while it holds the turn, which it got at a step of its own.
   */
  private static void assertMarksAreTheWritersSteps(String trace, String marked) {
    List<String> threads = List.of(trace.lines().findFirst().orElseThrow().split("\\|")).stream()
        .map(String::strip).toList();
    for (String line : marked.lines().skip(1).toList()) {
      String[] mark = line.split("\\|");
      String step = mark[0].strip();
      if (step.equals("-")) continue;
      String row = trace.lines().filter(l -> l.startsWith(String.format("%5s |", step)))
          .findFirst().orElseThrow(() -> new AssertionError("no step " + step + ":\n" + trace));
      int column = threads.indexOf(mark[1].strip());
      assertFalse(row.split("\\|")[column].isBlank(),
          () -> line + " is not after a step of its thread:\n" + trace);
    }
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
