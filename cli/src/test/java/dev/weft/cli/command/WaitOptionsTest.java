package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.BriefTryLock;
import dev.weft.samples.cli.DequePeekAgainstPoll;
import dev.weft.samples.cli.IfWait;
import dev.weft.samples.cli.Programs;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code weft run --no-spurious-wakeups}, {@code --timeouts} and {@code --open-jdk-structures}, and
 * their defaults.
 */
class WaitOptionsTest {
  private static CliRun run(Class<?> program, String... options) {
    return weft(Stream.concat(Stream.of("run", "--classpath", Programs.samplesClassPath(),
        "--main", program.getName(), "--strategy", "dfs"), Stream.of(options))
        .toArray(String[]::new));
  }

  @Test
  void spuriousWakeupsAreExploredUnlessTurnedOff() {
    CliRun r = run(IfWait.class);
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("woke with nothing ready"), r::toString);
    assertTrue(r.out().contains("--no-spurious-wakeups"), r::toString);
    CliRun replay = weft("replay", r.scheduleFile());
    assertEquals(ExitCode.BUG, replay.exitCode(), replay::toString);
    assertEquals(r.trace(), replay.trace());

    assertEquals(ExitCode.NO_BUG, run(IfWait.class, "--no-spurious-wakeups").exitCode());
  }

  @Test
  void aShortTimeoutExpiresEarlyOnlyUnderTheDefaultModel() {
    CliRun r = run(BriefTryLock.class);
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("while another thread could still run"), r::toString);
    assertTrue(r.out().contains("--timeouts=when-blocked"), r::toString);

    CliRun blocked = run(BriefTryLock.class, "--timeouts=when-blocked");
    assertEquals(ExitCode.NO_BUG, blocked.exitCode(), blocked::toString);
  }

  @Test
  void theJdkStructuresAreOpenedUpOnlyWhenAskedAndTheReplayOpensThemToo() {
    assertEquals(ExitCode.NO_BUG, run(DequePeekAgainstPoll.class).exitCode());

    CliRun r = run(DequePeekAgainstPoll.class, "--open-jdk-structures");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("ConcurrentLinkedDeque.java"), r::toString);
    CliRun replay = weft("replay", r.scheduleFile());
    assertEquals(ExitCode.BUG, replay.exitCode(), replay::toString);
    assertEquals(r.trace(), replay.trace());
  }

  @Test
  void anUnknownTimeoutModelIsAUsageError() {
    run(BriefTryLock.class, "--timeouts=sometimes").assertUsageError("unknown timeout model");
  }
}
