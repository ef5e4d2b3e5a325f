package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.PlainStopFlag;
import dev.weft.samples.cli.Programs;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code weft run --detect-races} and {@code --benign-race}, and the replay of a race. */
class RaceOptionsTest {
  private static final String FIELD = PlainStopFlag.class.getName() + ".stopped";

  private static CliRun run(String... options) {
    return weft(Stream.concat(Stream.of("run", "--classpath", Programs.samplesClassPath(),
        "--main", PlainStopFlag.class.getName(), "--strategy", "dfs"), Stream.of(options))
        .toArray(String[]::new));
  }

  @Test
  void detectsTheRaceAndItsScheduleReplaysIt() {
    CliRun r = run("--detect-races");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Weft found a bug (data_race)"), r::toString);
    assertTrue(r.out().contains("Data race on PlainStopFlag.stopped: T"), r::toString);
    assertTrue(r.out().contains("--benign-race " + FIELD), r::toString);
    CliRun replay = weft("replay", r.scheduleFile());
    assertEquals(ExitCode.BUG, replay.exitCode(), replay::toString);
    assertTrue(replay.out().contains("The recorded failure reproduced: Data race on"),
        replay::toString);
    assertEquals(r.trace(), replay.trace());
  }

  @Test
  void withoutTheOptionNoInterleavingFails() {
    CliRun r = run();
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
  }

  @Test
  void aBenignRaceIsNotReported() {
    CliRun r = run("--detect-races", "--benign-race", FIELD);
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("exhaustive: every interleaving class covered, no bug"),
        r::toString);
  }

  @Test
  void aBenignRaceMustNameAFieldAndComeWithDetection() {
    run("--detect-races", "--benign-race", "stopped")
        .assertUsageError("a benign race names a field as CLASS.FIELD");
    run("--benign-race", FIELD).assertUsageError("add --detect-races");
  }
}
