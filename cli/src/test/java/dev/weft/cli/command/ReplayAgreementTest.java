package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.Programs;
import dev.weft.samples.cli.ShutdownNowTally;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code weft run} and {@code weft replay}, each in its own child JVM, show the same execution:
 * here the order in which shutdownNow interrupts a pool's workers, which the JDK takes from a
 * HashSet of objects it allocates itself.
 */
class ReplayAgreementTest {
  private static final int REPLAYS = 3;
  private static final Pattern INTERRUPT = Pattern.compile("interrupt T\\d");

  @Test
  void everyReplayShowsTheTraceTheRunReported() {
    CliRun found = weft("run", "--classpath", Programs.samplesClassPath(),
        "--main", ShutdownNowTally.class.getName(), "--seed", "2");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    assertEquals(2, interrupts(found.trace()).size(), found::toString);
    for (int i = 0; i < REPLAYS; i++) {
      CliRun replay = weft("replay", found.scheduleFile());
      assertEquals(ExitCode.BUG, replay.exitCode(), replay::toString);
      assertTrue(replay.out().contains("The recorded failure reproduced"), replay::toString);
      assertEquals(interrupts(found.trace()), interrupts(replay.trace()), replay::toString);
      assertEquals(found.trace(), replay.trace());
    }
  }

  private static List<String> interrupts(String trace) {
    Matcher m = INTERRUPT.matcher(trace);
    return m.results().map(r -> r.group()).toList();
  }
}
