package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.LostUpdate;
import dev.weft.samples.cli.PrintsGreeting;
import dev.weft.samples.cli.Programs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run --json}: standard output holds one JSON object and nothing else. */
class JsonResultTest {
  @TempDir Path dir;

  @Test
  void aBugIsReportedWithItsScheduleAndHowToReplayIt() throws IOException {
    CliRun r = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", LostUpdate.class.getName(), "--output-dir", dir.toString(), "--json");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    JsonObject o = onlyObject(r.out());
    assertEquals("bug", o.get("verdict").getAsString());
    assertEquals("bug_found", o.get("stopReason").getAsString());
    assertTrue(o.get("executions").getAsInt() >= 1, r::toString);
    assertTrue(o.get("interleavingClasses").getAsInt() >= 1, r::toString);
    assertTrue(o.has("executionsPerSecond"), r::toString);
    JsonObject failure = o.getAsJsonObject("failure");
    assertEquals("EXCEPTION", failure.get("kind").getAsString());
    assertTrue(failure.get("summary").getAsString().contains("lost update"), r::toString);
    String file = failure.get("scheduleFile").getAsString();
    assertEquals(dir.resolve(LostUpdate.class.getName() + ".json").toString(), file);
    assertTrue(Files.isRegularFile(Path.of(file)), file);
    assertTrue(failure.get("schedule").getAsString().startsWith("weft1;EXCEPTION;"), r::toString);
    assertEquals("weft replay " + file, failure.get("replayCommand").getAsString());
    // The human report is still there, on standard error.
    assertTrue(r.err().contains("Weft found a bug (exception)"), r::toString);
  }

  @Test
  void theProgramsOutputStaysOffStandardOutput() throws IOException {
    CliRun r = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", PrintsGreeting.class.getName(), "--strategy", "dfs", "--json", "--show-output");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    JsonObject o = onlyObject(r.out());
    assertEquals("no-bug", o.get("verdict").getAsString());
    assertTrue(o.get("exhaustive").getAsBoolean(), r::toString);
    assertTrue(o.get("failure").isJsonNull(), r::toString);
    assertFalse(r.out().contains("hello"), r::toString);
    assertTrue(r.err().contains("hello from the program"), r::toString);
  }

  /** {@code text} as one JSON object, failing when anything else is around it. */
  private static JsonObject onlyObject(String text) throws IOException {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    JsonObject o = JsonParser.parseReader(reader).getAsJsonObject();
    assertEquals(JsonToken.END_DOCUMENT, reader.peek(), text);
    return o;
  }
}
