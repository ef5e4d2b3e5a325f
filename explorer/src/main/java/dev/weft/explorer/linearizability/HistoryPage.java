package dev.weft.explorer.linearizability;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.explorer.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a non-linearizable history to its failure's HTML page: one row per call, with the events
 * where it was invoked and where it responded, so overlapping calls read as overlapping spans.
 */
final class HistoryPage {
  private HistoryPage() {}

  /** Adds the history of {@code failed}'s failure to its page; nothing when there is no page. */
  static void add(ExplorationResult failed) {
    Failure failure = failed.failure().orElseThrow();
    if (failure.scheduleFile() == null
        || !(failure.error() instanceof NotLinearizableError error)) {
      return;
    }
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("thread", "call", "result", "invoked at event", "responded at event"));
    for (Call c : error.history()) {
      String call = c.operation() + c.arguments().toString().replace('[', '(').replace(']', ')');
      table.add(List.of("T" + c.thread(), call, String.valueOf(c.result()),
          Integer.toString(c.invoked()), Integer.toString(c.responded())));
    }
    Path page = ReportFiles.beside(failure.scheduleFile(), ReportFiles.HTML);
    try {
      HtmlReport.append(page, new HtmlReport.Section("History", List.of(
          "No sequential order of the model's calls explains these results; the failure above"
              + " says why."), table));
    } catch (IOException e) {
      // The failure's message holds the same history as text; only the page lacks it.
      System.err.println("weft: could not add the history to " + page + ": " + e);
    }
  }
}
