package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.LostUpdate;
import dev.weft.samples.cli.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft report} writes a schedule's page and graph again by replaying it, and the page says
 * how to replay it from the command line.
 */
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void theRunsPageShowsTheReplayCommand() throws IOException {
    CliRun found = findTheLostUpdate();
    String page = Files.readString(beside(found.scheduleFile(), ".html"));
    assertTrue(page.contains("<h2>Replay it from the command line</h2>\n<p>weft replay "
        + found.scheduleFile() + "</p>\n</section>\n</body>"), page);
    assertFalse(page.contains("Weft.replay("), "the API's calls are replaced: " + page);
  }

  @Test
  void reportWritesThePageAndGraphAgain() throws IOException {
    CliRun found = findTheLostUpdate();
    Path html = beside(found.scheduleFile(), ".html");
    Path dot = beside(found.scheduleFile(), ".dot");
    String page = Files.readString(html);
    String graph = Files.readString(dot);
    Files.delete(html);
    Files.delete(dot);

    CliRun r = weft("report", found.scheduleFile());
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertEquals("Report written to " + html + ", its happens-before graph to " + dot + "\n",
        r.out(), r::toString);
    assertEquals(page, Files.readString(html), "the same page, replay command included");
    assertEquals(graph, Files.readString(dot));
  }

  @Test
  void aScheduleThatNoLongerReproducesIsNotReported() throws IOException {
    CliRun found = findTheLostUpdate();
    Path file = dir.resolve("edited.json");
    Files.writeString(file, ReplayCommandTest.edit(o -> {
      o.remove("steps"); // unchecked, so that the edited choices reach the replay
      o.addProperty("choices", "");
    }).apply(Files.readString(Path.of(found.scheduleFile()))));
    CliRun r = weft("report", file.toString());
    assertEquals(ExitCode.NOT_REPRODUCED, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("weft: The replay diverged"), r::toString);
    assertFalse(r.out().contains("Report written"), r::toString);
  }

  @Test
  void aMissingScheduleIsAUsageError() {
    weft("report", dir.resolve("none.json").toString()).assertUsageError("none.json");
  }

  /** Unshrunk, so that the run's page has no note on shrinking, which a replay cannot know. */
  private CliRun findTheLostUpdate() {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", LostUpdate.class.getName(), "--output-dir", dir.toString(), "--no-shrink");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    return found;
  }

  private static Path beside(String scheduleFile, String extension) {
    return Path.of(scheduleFile.replaceAll("\\.json$", extension));
  }
}
