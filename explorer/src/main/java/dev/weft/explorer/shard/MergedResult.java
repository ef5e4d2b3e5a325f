package dev.weft.explorer.shard;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of every shard of one run together ({@link ShardMerge}). Internal: public for the
 * command line.
 *
 * @param run what identifies the run
 * @param shards how many shards
 * @param systematic whether the run is a systematic search
 * @param executions executions all shards ran together
 * @param elapsedSeconds the longest shard's time
 * @param schedules distinct schedules among all shards' executions
 * @param classes distinct interleaving classes among all shards' executions
 * @param exhaustive a systematic search's proof: no bug, and every part covered over the same
 *     scheduling points
 * @param complete for sampling: every index below the bug (or every index, without one) was
 *     explored; for systematic search: a bug was found or every part was covered
 * @param note what the verdict rests on, or why it is no proof
 * @param bugShard the shard whose bug is reported, or null
 * @param bug the bug reported, or null
 */
public record MergedResult(Map<String, String> run, int shards, boolean systematic,
    int executions, double elapsedSeconds, int schedules, int classes, boolean exhaustive,
    boolean complete, String note, Shard bugShard, ShardResult.FoundBug bug) {

  /** What a person reads: the verdict, what it rests on, and the bug's schedule. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d shards of %s (%s, seed %s, %s iterations): %d"
            + " executions (%d interleaving classes), %s%n", shards, run.get("test"),
        run.get("strategy"), run.get("seed"), run.get("iterations"), executions, classes,
        outcome()));
    out.append(note).append('\n');
    if (bug != null) {
      out.append(systematic
          ? "Found by shard " + bugShard + ", in its execution " + (bug.index() + 1) + ", after "
              + bug.preemptions() + " preemptions\n"
          : "Execution " + (bug.index() + 1) + " of the run (index " + bug.index()
              + "), found by shard " + bugShard + "\n");
      out.append("Schedule: ").append(bug.schedule()).append('\n');
      if (bug.scheduleFile() != null) {
        out.append("Schedule file (written by shard ").append(bugShard).append("): ")
            .append(bug.scheduleFile()).append('\n');
        out.append("Replay it where that shard ran:\n  ").append(bug.replayCommand())
            .append('\n');
      }
    }
    return out.toString();
  }

  private String outcome() {
    if (bug != null) return "bug found: " + bug.summary();
    if (exhaustive) return "exhaustive: every interleaving class covered, no bug";
    return "no bug found";
  }

  /** The same as one JSON object, for scripts; its fields are listed in docs/scale-out.md. */
  public String json() {
    JsonObject o = new JsonObject();
    o.addProperty("verdict", bug != null ? "bug" : "no-bug");
    o.addProperty("shards", shards);
    o.addProperty("executions", executions);
    o.addProperty("elapsedSeconds", elapsedSeconds);
    o.addProperty("schedules", schedules);
    o.addProperty("interleavingClasses", classes);
    o.addProperty("exhaustive", exhaustive);
    o.addProperty("complete", complete);
    o.addProperty("note", note);
    if (bug == null) {
      o.add("failure", JsonNull.INSTANCE);
    } else {
      JsonObject f = new JsonObject();
      f.addProperty("kind", bug.kind());
      f.addProperty("summary", bug.summary());
      f.addProperty("shard", bugShard.toString());
      f.addProperty("execution", bug.index() + 1);
      f.addProperty("index", bug.index());
      f.addProperty("preemptions", bug.preemptions());
      f.addProperty("steps", bug.steps());
      f.addProperty("schedule", bug.schedule());
      f.addProperty("scheduleFile", bug.scheduleFile());
      f.addProperty("replayCommand", bug.replayCommand());
      o.add("failure", f);
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
        .toJson(o);
  }
}
