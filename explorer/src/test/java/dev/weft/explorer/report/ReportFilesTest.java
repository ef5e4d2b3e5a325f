package dev.weft.explorer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.samples.explorer.VolatileCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API writes a failure's report beside its schedule file, when exploring and replaying. */
class ReportFilesTest {
  private static final Path DIR = Path.of("target/weft-reports");
  private static final Body LOST_UPDATE = () -> VolatileCounter.race(false);

  /**
   * Unshrunk, so the exploration's page has no note on shrinking, which only the exploration can
   * tell and the replay's page cannot.
   */
  private static Failure explore(String name) {
    return Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.RANDOM).seed(42)
        .shrink(false).outputDir(DIR).testName(name).build(), LOST_UPDATE).failure().orElseThrow();
  }

  @Test
  void explorationAndReplayWriteThePageAndTheGraphBesideTheSchedule() throws IOException {
    Failure f = explore("lost-update");
    assertEquals(DIR.resolve("lost-update.json"), f.scheduleFile());
    Path html = DIR.resolve("lost-update.html");
    Path dot = DIR.resolve("lost-update.dot");
    Path json = DIR.resolve("lost-update.graph.json");
    assertEquals(html, ReportFiles.beside(f.scheduleFile(), ReportFiles.HTML));
    String page = Files.readString(html);
    assertTrue(page.contains("<h2>" + f.headline() + "</h2>"), page);
    assertTrue(page.contains("class=\"step failing\""), page);
    assertTrue(Files.readString(dot).startsWith("digraph happens_before {"), dot.toString());
    assertTrue(Files.readString(json).contains("\"kind\":\"reads-from\""), json.toString());

    for (Path p : new Path[] {html, dot, json}) Files.delete(p);
    ReplayResult replay = Weft.replay(f.scheduleFile().toString(), LOST_UPDATE);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(page, Files.readString(html), "the replay draws the same page");
    assertTrue(Files.exists(dot) && Files.exists(json));
  }

  @Test
  void thePageEndsWithTheCallsThatReplayIt() throws IOException {
    Failure f = explore("replay-calls");
    String page = Files.readString(ReportFiles.beside(f.scheduleFile(), ReportFiles.HTML));
    assertEquals(List.of("Weft.replay(\"" + f.scheduleFile() + "\", body)",
        "Weft.replay(\"" + f.schedule() + "\", body)"), f.replayCalls());
    StringBuilder section =
        new StringBuilder("<section class=\"extra replay\">\n<h2>Replay it</h2>\n");
    for (String call : f.replayCalls()) {
      section.append("<p>").append(call.replace("\"", "&quot;")).append("</p>\n");
    }
    assertTrue(page.contains(section + "</section>\n</body>"), page);
  }

  @Test
  void aReportThatCannotBeWrittenIsNamedInTheFailure() throws IOException {
    Files.createDirectories(DIR.resolve("blocked.html")); // where the page would go
    Failure f = explore("blocked");
    assertTrue(Files.exists(f.scheduleFile()), "the schedule is still written");
    assertTrue(f.details().startsWith("Could not write the report " + DIR.resolve("blocked.html")),
        f.details());
  }
}
