package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A failure that hinges on a timeout expiring while another thread could still run, or on a
 * spurious wakeup, says so under its summary: which step of its trace, and every way to explore
 * without it. And the timeout model decides: the corpus's {@code TryLockTimeout} fails under the
 * default model only.
 */
class TimeoutAndWakeupNotesTest {
  private static Failure failureOf(String name, Timeouts timeouts) {
    Program program = Corpus.named(name);
    ExplorationResult result = Weft.exploreInterleavings(Budget.options(program, StrategyKind.DFS,
        1, "TimeoutAndWakeupNotesTest." + name).timeouts(timeouts).build(), program.body());
    return result.failure().orElseThrow(() -> new AssertionError(result.summary()));
  }

  /** The row of {@code trace} numbered {@code step}. */
  private static String row(String trace, int step) {
    Matcher m = Pattern.compile("(?m)^ *" + step + " \\|.*$").matcher(trace);
    assertTrue(m.find(), "no step " + step + " in\n" + trace);
    return m.group();
  }

  /** The step a note names after {@code words}, e.g. {@code timed out at step}. */
  private static int namedStep(String message, String words) {
    Matcher m = Pattern.compile(Pattern.quote(words) + " (\\d+)").matcher(message);
    assertTrue(m.find(), message);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aTryLockTimedOutWhileTheHolderCouldRunIsNotedAtItsStepWithTheWaysToChangeIt() {
    Failure f = failureOf("TryLockTimeout", Timeouts.ANYTIME);
    String message = f.message();
    assertTrue(message.contains("timed out at step"), message);
    assertTrue(message.contains("while another thread could still run"), message);
    assertTrue(message.contains("--timeouts=when-blocked"), message);
    assertTrue(message.contains("timeouts(Timeouts.WHEN_BLOCKED)"), message);
    assertTrue(message.contains("@InterleavingTest(timeouts = Timeouts.WHEN_BLOCKED)"), message);
    assertTrue(message.contains("-Dweft.timeouts=when-blocked"), message);
    // The note named the scheduling point after the timed-out park until this was fixed.
    String row = row(f.trace(), namedStep(message, "timed out at step"));
    assertTrue(row.contains("park ReentrantLock#1 (timed out)"), row);
  }

  @Test
  void underWhenBlockedTheTryLockNeverTimesOutWhileTheHolderCanRun() {
    for (String name : new String[] {"TryLockTimeout", "TryLockTimeoutFixed"}) {
      Program program = Corpus.named(name);
      ExplorationResult result = Weft.exploreInterleavings(Budget.options(program,
          StrategyKind.DFS, 1, "TimeoutAndWakeupNotesTest.when-blocked-" + name)
          .timeouts(Timeouts.WHEN_BLOCKED).build(), program.body());
      result.assertNoFailure();
      assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
    }
  }

  @Test
  void aSpuriousWakeupIsNotedAtItsStep() {
    for (String name : new String[] {"IfWaitSpurious", "ParkNoLoop"}) {
      Failure f = failureOf(name, Timeouts.ANYTIME);
      String message = f.message();
      assertTrue(message.contains("spuriousWakeups = false"), message);
      String row = row(f.trace(), namedStep(message, " at step"));
      assertTrue(row.contains("(spurious wakeup)"), row);
    }
  }
}
