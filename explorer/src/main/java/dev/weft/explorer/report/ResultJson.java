package dev.weft.explorer.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An exploration's result as one JSON object, for scripts and CI ({@code weft run --json}); its
 * fields are listed in {@code docs/cli.md}. Here, where Weft's JSON library is, so that the command
 * line needs none of its own. Internal: public for the command line.
 */
public final class ResultJson {
  private ResultJson() {}

  /**
   * @param replayCommand the command that replays a schedule file, to which the file's path is
   *     appended; used only when the failure has a schedule file
   */
  public static String render(ExplorationResult result, String replayCommand) {
    JsonObject o = new JsonObject();
    o.addProperty("verdict", result.failure().isPresent() ? "bug" : "no-bug");
    o.addProperty("executions", result.executions());
    o.addProperty("executionsPerSecond", Math.round(result.executionsPerSecond() * 10) / 10.0);
    o.addProperty("elapsedSeconds", result.elapsed().toMillis() / 1000.0);
    o.addProperty("interleavingClasses", result.statistics().distinctClasses());
    o.addProperty("pruned", result.statistics().pruned());
    o.addProperty("exhaustive", result.statistics().coveredEverything());
    o.addProperty("stopReason", result.stopReason().name().toLowerCase(Locale.ROOT));
    o.addProperty("summary", result.summary());
    o.add("failure", result.failure().<JsonElement>map(f -> failure(f, replayCommand))
        .orElse(JsonNull.INSTANCE));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
        .toJson(o);
  }

  private static JsonObject failure(Failure f, String replayCommand) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", f.kind().name());
    o.addProperty("summary", f.summary());
    o.addProperty("execution", f.execution() + 1); // as the report numbers it
    o.addProperty("preemptions", f.preemptions());
    o.addProperty("steps", f.steps());
    o.addProperty("schedule", f.schedule());
    Path file = f.scheduleFile();
    o.addProperty("scheduleFile", file == null ? null : file.toString());
    o.addProperty("report", file == null ? null : ReportFiles.beside(file, ReportFiles.HTML)
        .toString());
    o.addProperty("graph", file == null ? null : ReportFiles.beside(file, ReportFiles.DOT)
        .toString());
    o.addProperty("replayCommand", file == null ? null : replayCommand + " " + file);
    return o;
  }
}
