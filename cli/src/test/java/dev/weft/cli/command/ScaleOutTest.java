package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.Programs;
import dev.weft.samples.cli.ReversedTickets;
import dev.weft.samples.cli.SynchronizedCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --parallel} and {@code --shard} with {@code weft merge}: the first bug does not depend on
 * the number of workers and replays to the same trace; dfs shards merge into the proof one search
 * gives, and only when every shard is there.
 */
class ScaleOutTest {
  @TempDir Path dir;

  private String[] tickets(String output) {
    // Seed 4: the random walk first meets the bug at index 245, in the third block of 100.
    return new String[] {"run", "--classpath", Programs.samplesClassPath(), "--main",
        ReversedTickets.class.getName(), "--strategy", "random", "--seed", "4", "--no-shrink",
        "--json", "--output-dir", dir.resolve(output).toString()};
  }

  @Test
  void theFirstBugAndItsTraceDoNotDependOnTheWorkers() {
    CliRun one = weft(CliRun.with(tickets("one"), "--parallel", "1"));
    CliRun two = weft(CliRun.with(tickets("two"), "--parallel", "2"));
    assertEquals(ExitCode.BUG, one.exitCode(), one::toString);
    assertEquals(ExitCode.BUG, two.exitCode(), two::toString);
    JsonObject alone = JsonParser.parseString(one.out()).getAsJsonObject()
        .getAsJsonObject("failure");
    JsonObject merged = JsonParser.parseString(two.out()).getAsJsonObject();
    JsonObject shared = merged.getAsJsonObject("failure");
    assertTrue(alone.get("execution").getAsInt() > 200, one::toString);
    assertEquals(alone.get("execution").getAsInt(), shared.get("execution").getAsInt());
    assertEquals(alone.get("schedule").getAsString(), shared.get("schedule").getAsString());
    assertTrue(merged.get("complete").getAsBoolean(), two::toString);

    CliRun replayOne = weft("replay", alone.get("scheduleFile").getAsString());
    CliRun replayTwo = weft("replay", shared.get("scheduleFile").getAsString());
    assertEquals(ExitCode.BUG, replayOne.exitCode(), replayOne::toString);
    assertEquals(ExitCode.BUG, replayTwo.exitCode(), replayTwo::toString);
    assertEquals(replayOne.trace(), replayTwo.trace());
  }

  @Test
  void dfsShardsMergeIntoTheProofOfOneSearchAndOnlyWhenAllAreThere() {
    String[] dfs = {"run", "--classpath", Programs.samplesClassPath(), "--main",
        SynchronizedCounter.class.getName(), "--strategy", "dfs", "--json"};
    CliRun whole = weft(dfs);
    assertEquals(ExitCode.NO_BUG, whole.exitCode(), whole::toString);
    JsonObject wholeResult = JsonParser.parseString(whole.out()).getAsJsonObject();
    assertTrue(wholeResult.get("exhaustive").getAsBoolean(), whole::toString);
    String first = dir.resolve("1.json").toString();
    String second = dir.resolve("2.json").toString();
    CliRun shard1 = weft(CliRun.with(dfs, "--shard", "1/2", "--shard-result", first));
    CliRun shard2 = weft(CliRun.with(dfs, "--shard", "2/2", "--shard-result", second));
    assertEquals(ExitCode.NO_BUG, shard1.exitCode(), shard1::toString);
    assertEquals(ExitCode.NO_BUG, shard2.exitCode(), shard2::toString);

    CliRun merged = weft("merge", "--json", first, second);
    assertEquals(ExitCode.NO_BUG, merged.exitCode(), merged::toString);
    JsonObject verdict = JsonParser.parseString(merged.out()).getAsJsonObject();
    assertTrue(verdict.get("exhaustive").getAsBoolean(), merged::toString);
    assertEquals(wholeResult.get("interleavingClasses").getAsInt(),
        verdict.get("interleavingClasses").getAsInt(), merged::toString);
    CliRun text = weft("merge", first, second);
    assertTrue(text.out().contains("exhaustive: every interleaving class covered"), text::toString);

    CliRun half = weft("merge", first);
    half.assertUsageError("shard 2/2 is missing");
    assertFalse(half.out().contains("exhaustive"), half::toString);
  }

  @Test
  void splittingThePortfolioOrABadShardIsAUsageError() {
    String[] run = {"run", "--classpath", Programs.samplesClassPath(), "--main",
        SynchronizedCounter.class.getName()};
    weft(CliRun.with(run, "--parallel", "2")).assertUsageError("add --strategy random");
    weft(CliRun.with(run, "--strategy", "dfs", "--shard", "3/2"))
        .assertUsageError("a shard is K/N with 1 <= K <= N");
    weft(CliRun.with(run, "--strategy", "dfs", "--shard", "1/2", "--parallel", "2"))
        .assertUsageError("give one of them");
    weft(CliRun.with(run, "--strategy", "dfs", "--shard-result", "x.json"))
        .assertUsageError("add --shard");
  }
}
