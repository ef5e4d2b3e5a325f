package dev.weft.explorer.shard;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.explore.WeftVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A shard's result file: JSON, written by {@code weft run --shard K/N}, read by {@code weft
 * merge}. Its fields are listed in {@code docs/scale-out.md}. Internal: public for the command line.
 */
public final class ShardResultFiles {
  /** The format's name and version, its first field. */
  static final String FORMAT = "weft-shard-1";
  /** The stop reason of a shard that left out blocks above another shard's bug. */
  static final String LEFT_OUT = "bug_found_elsewhere";

  private ShardResultFiles() {}

  /**
   * The file's text.
   *
   * @param replayCommand the command that replays a schedule file, to which the file's path is
   *     appended; used only when the failure has a schedule file
   */
  public static String render(ShardRun run, Options options, String testName,
      String replayCommand) {
    ExplorationResult result = run.result();
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    JsonObject identity = new JsonObject();
    runIdentity(options, testName).forEach(identity::addProperty);
    o.add("run", identity);
    o.addProperty("shard", run.shard().toString());
    o.addProperty("covers", covers(run, options));
    JsonArray blocks = new JsonArray();
    for (Shard.Range block : run.blocks()) {
      JsonArray range = new JsonArray();
      range.add(block.first());
      range.add(block.end());
      blocks.add(range);
    }
    o.add("blocks", blocks);
    o.addProperty("verdict", result.failure().isPresent() ? "bug" : "no-bug");
    o.addProperty("executions", result.executions());
    o.addProperty("elapsedSeconds", result.elapsed().toMillis() / 1000.0);
    o.addProperty("stopReason", run.leftOut() ? LEFT_OUT
        : result.stopReason().name().toLowerCase(Locale.ROOT));
    o.addProperty("exhaustive", result.statistics().coveredEverything());
    List<String> sites = result.statistics().racingSites();
    o.add("racingSites", sites == null ? JsonNull.INSTANCE : strings(sites));
    o.add("schedules", fingerprints(run.schedules()));
    o.add("interleavingClasses", fingerprints(run.classes()));
    o.add("failure", result.failure().<JsonElement>map(f -> failure(f, replayCommand))
        .orElse(JsonNull.INSTANCE));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
        .toJson(o);
  }

  /**
   * What must be equal for two shards to be parts of one run: the program and every option that
   * changes which executions are explored (not the time limit, which only cuts them short).
   */
  static Map<String, String> runIdentity(Options options, String testName) {
    Map<String, String> run = new LinkedHashMap<>();
    run.put("test", testName);
    run.put("classpath", String.valueOf(options.classpath()));
    run.put("args", String.join(" ", options.args()));
    run.put("jvmArgs", String.join(" ", options.jvmArgs()));
    run.put("strategy", options.strategy().cliName());
    run.put("seed", Long.toString(options.seed()));
    run.put("iterations", Integer.toString(options.iterations()));
    run.put("pctDepth", Integer.toString(options.pctDepth()));
    run.put("preemptionBound", Integer.toString(options.preemptionBound()));
    run.put("maxSteps", Integer.toString(options.maxSteps()));
    run.put("spuriousWakeups", Boolean.toString(options.spuriousWakeups()));
    run.put("timeouts", options.timeouts().cliName());
    run.put("openJdkStructures", Boolean.toString(options.openJdkStructures()));
    run.put("detectRaces", Boolean.toString(options.detectRaces()));
    run.put("benignRaces", String.join(",", new java.util.TreeSet<>(options.benignRaces())));
    run.put("weft", WeftVersion.get());
    return run;
  }

  /** One line for people: what part of the space the shard was given. */
  private static String covers(ShardRun run, Options options) {
    if (options.strategy() == StrategyKind.DFS) {
      return "part " + run.shard() + " of the systematic search: the paths whose choices at their"
          + " first " + run.shard().partition().prefixNodes() + " branching points number "
          + (run.shard().number() - 1) + " modulo " + run.shard().count();
    }
    int first = run.shard().number() - 1;
    return "execution indices 0.." + (options.iterations() - 1) + " (seed " + options.seed()
        + ") in blocks of " + Shard.BLOCK + ": the blocks numbered " + first + ", "
        + (first + run.shard().count()) + ", " + (first + 2 * run.shard().count())
        + ", ... from 0 (listed in 'blocks' as [first, end) indices)";
  }

  private static JsonObject failure(Failure f, String replayCommand) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", f.kind().name());
    o.addProperty("summary", f.summary());
    o.addProperty("index", f.execution());
    o.addProperty("preemptions", f.preemptions());
    o.addProperty("steps", f.steps());
    o.addProperty("schedule", f.schedule());
    Path file = f.scheduleFile();
    o.addProperty("scheduleFile", file == null ? null : file.toString());
    o.addProperty("replayCommand", file == null ? null : replayCommand + " " + file);
    return o;
  }

  private static JsonArray strings(List<String> items) {
    JsonArray array = new JsonArray();
    items.forEach(array::add);
    return array;
  }

  /** Sorted, as hexadecimal strings: the same set always writes the same text. */
  private static JsonArray fingerprints(Set<Long> fingerprints) {
    JsonArray array = new JsonArray();
    fingerprints.stream().sorted().forEach(f -> array.add(Long.toHexString(f)));
    return array;
  }

  /**
   * Reads a shard's result file.
   *
   * @throws IllegalArgumentException saying which file could not be read, and why
   */
  public static ShardResult read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read shard result " + file + " (" + e
          + "); give the files 'weft run --shard K/N' wrote");
    }
    try {
      JsonObject o = JsonParser.parseString(text).getAsJsonObject();
      if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
        throw new IllegalArgumentException(file + " is not a shard result of this version of"
            + " Weft (format " + FORMAT + "); give the files 'weft run --shard K/N' wrote");
      }
      Map<String, String> run = new LinkedHashMap<>();
      o.getAsJsonObject("run").entrySet().forEach(e -> run.put(e.getKey(),
          e.getValue().getAsString()));
      JsonElement sites = o.get("racingSites");
      return new ShardResult(file, run, Shard.parse(o.get("shard").getAsString()),
          StrategyKind.DFS.cliName().equals(run.get("strategy")),
          Integer.parseInt(run.get("iterations")), o.get("executions").getAsInt(),
          o.get("elapsedSeconds").getAsDouble(), o.get("stopReason").getAsString(),
          o.get("exhaustive").getAsBoolean(), sites.isJsonNull() ? null : stringList(sites),
          fingerprintSet(o.getAsJsonArray("schedules")),
          fingerprintSet(o.getAsJsonArray("interleavingClasses")), bug(o.get("failure")));
    } catch (JsonParseException | NumberFormatException | IllegalStateException | NullPointerException
        | ClassCastException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(file + " is not a complete shard result (" + e
          + "); give the files 'weft run --shard K/N' wrote");
    }
  }

  private static ShardResult.FoundBug bug(JsonElement element) {
    if (element.isJsonNull()) return null;
    JsonObject f = element.getAsJsonObject();
    return new ShardResult.FoundBug(f.get("kind").getAsString(), f.get("summary").getAsString(),
        f.get("index").getAsInt(), f.get("preemptions").getAsInt(), f.get("steps").getAsInt(),
        f.get("schedule").getAsString(), nullable(f.get("scheduleFile")),
        nullable(f.get("replayCommand")));
  }

  private static String nullable(JsonElement e) {
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static List<String> stringList(JsonElement array) {
    List<String> items = new ArrayList<>();
    array.getAsJsonArray().forEach(e -> items.add(e.getAsString()));
    return items;
  }

  private static Set<Long> fingerprintSet(JsonArray array) {
    Set<Long> set = new HashSet<>();
    array.forEach(e -> set.add(Long.parseUnsignedLong(e.getAsString(), 16)));
    return set;
  }
}
