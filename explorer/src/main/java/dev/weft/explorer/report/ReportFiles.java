package dev.weft.explorer.report;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.report.graph.GraphExport;
import dev.weft.explorer.report.graph.HappensBeforeGraph;
import dev.weft.explorer.report.html.HtmlReport;
import dev.weft.scheduler.runtime.ExecutionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report of a failure beside its schedule file {@code <name>.json}: {@code <name>.html},
 * the page, which ends with how to replay the failure, and its happens-before graph as {@code
 * <name>.dot} and {@code <name>.graph.json}.
 * Internal.
 */
public final class ReportFiles {
  public static final String HTML = ".html";
  public static final String DOT = ".dot";
  public static final String JSON = ".graph.json";

  private ReportFiles() {}

  /**
   * Writes the report of {@code failure}, whose traced execution is {@code traced}, and returns the
   * failure; when the files cannot be written, a copy whose details say so. Writes nothing when the
   * failure has no schedule file.
   */
  public static Failure writeBeside(Failure failure, ExecutionResult traced) {
    Path schedule = failure.scheduleFile();
    if (schedule == null) return failure;
    HappensBeforeGraph hb = HappensBeforeGraph.of(traced.trace(), traced.threadNames());
    Path html = beside(schedule, HTML);
    try {
      Files.writeString(html, HtmlReport.render(baseName(schedule), failure.headline(),
          failure.explanation(), hb, FailingSteps.of(traced)));
      // How a test replays it; the JUnit extension and the command line put their own instead.
      HtmlReport.putReplay(html, new HtmlReport.Section("Replay it", failure.replayCalls(),
          List.of()));
      Files.writeString(beside(schedule, DOT), GraphExport.dot(hb));
      Files.writeString(beside(schedule, JSON), GraphExport.json(hb));
      return failure;
    } catch (IOException e) {
      String warning = "Could not write the report " + html + " and its graph: " + e + "\n";
      return new Failure(failure.kind(), failure.summary(), warning + failure.details(),
          failure.error(), failure.trace(), schedule, failure.schedule(), failure.execution(),
          failure.steps(), failure.preemptions());
    }
  }

  /** Where {@link #writeBeside} puts the file with this extension, e.g. {@link #HTML}. */
  public static Path beside(Path schedule, String extension) {
    return schedule.resolveSibling(baseName(schedule) + extension);
  }

  private static String baseName(Path schedule) {
    String file = schedule.getFileName().toString();
    return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
  }
}
