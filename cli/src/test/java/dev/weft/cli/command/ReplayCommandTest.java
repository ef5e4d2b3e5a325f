package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.LostUpdate;
import dev.weft.samples.cli.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code weft replay} end to end, on the schedule that {@code weft run} writes for the lost update. */
class ReplayCommandTest {
  private static CliRun found;

  @TempDir Path dir;

  /**
   * Unshrunk, so the run's page has no note on shrinking, which only the run can tell and the
   * replay's page cannot.
   */
  @BeforeAll
  static void findTheLostUpdate() {
    found = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", LostUpdate.class.getName(), "--no-shrink");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
  }

  @Test
  void replayReproducesTheFailureWithTheSameTraceAndReport() throws IOException {
    Path page = Path.of(found.scheduleFile().replaceAll("\\.json$", ".html"));
    String written = Files.readString(page);
    Files.delete(page);
    CliRun r = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertEquals(found.trace(), r.trace());
    assertTrue(r.out().contains("The recorded failure reproduced: T0 threw"), r::toString);
    assertTrue(r.out().contains("Report written to " + page + ","), r::toString);
    assertEquals(written, Files.readString(page), "the replay writes the same report");
  }

  @Test
  void replayAgainstAChangedProgramIsRefusedNamingTheClass() {
    String fixed = Programs.compile(dir, LostUpdate.class.getName(), Programs.source(
        "package dev.weft.samples.cli;",
        "public final class LostUpdate {",
        "  public static void main(String[] args) {}",
        "}"));
    CliRun r = weft("replay", found.scheduleFile(), "--classpath", fixed);
    r.assertUsageError("class " + LostUpdate.class.getName() + " changed since the schedule was"
        + " recorded; explore again to record a new schedule");
    assertFalse(r.out().contains("Weft found a bug"), r::toString);
  }

  @Test
  void replayThatDivergesSaysItDidNotReproduce() throws IOException {
    Path file = dir.resolve("schedule.json");
    Files.writeString(file, edit(o -> {
      o.remove("steps"); // unchecked, so that the edited choices reach the replay
      o.addProperty("choices", "");
    }).apply(Files.readString(Path.of(found.scheduleFile()))));
    CliRun r = weft("replay", file.toString());
    assertEquals(ExitCode.NOT_REPRODUCED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("The replay diverged"), r::toString);
    assertFalse(r.out().contains("Weft found a bug"), r::toString);
  }

  static Stream<Arguments> corruptSchedules() {
    return Stream.of(
        Arguments.of((UnaryOperator<String>) json -> json.substring(0, json.length() / 2),
            "is not valid JSON"),
        Arguments.of(edit(o -> o.addProperty("weftVersion", "0.0.1")),
            "was written by Weft 0.0.1"),
        Arguments.of(edit(o -> o.addProperty("choices", "zz;!?")),
            "choices are corrupt near 'zz;!?'"),
        Arguments.of(edit(o -> o.addProperty("formatVersion", 5)),
            "has format version 5, but this Weft reads version 6 only; re-run the exploration"),
        Arguments.of(edit(o -> o.remove("classpath")), "was not written by 'weft run'"),
        Arguments.of(edit(o -> o.addProperty("classpath", "/no/such/classes")),
            "class path entry '/no/such/classes' does not exist, as recorded in "),
        Arguments.of(edit(o -> o.addProperty("classpath", "/no/such/classes")),
            "; pass the program's class path with --classpath"));
  }

  @ParameterizedTest
  @MethodSource("corruptSchedules")
  void corruptOrStaleScheduleIsOneLineOnStderr(UnaryOperator<String> corrupt, String expected)
      throws IOException {
    Path file = dir.resolve("schedule.json");
    Files.writeString(file, corrupt.apply(Files.readString(Path.of(found.scheduleFile()))));
    weft("replay", file.toString()).assertUsageError(expected);
  }

  @Test
  void missingScheduleFileIsOneLineOnStderr() {
    weft("replay", dir.resolve("none.json").toString()).assertUsageError("no schedule file at");
  }

  static UnaryOperator<String> edit(java.util.function.Consumer<JsonObject> change) {
    return json -> {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      change.accept(o);
      return o.toString();
    };
  }
}
