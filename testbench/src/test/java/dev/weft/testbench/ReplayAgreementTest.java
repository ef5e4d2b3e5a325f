package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A program whose report depends on the order in which {@code shutdownNow} interrupts a pool's
 * workers: found twice with one seed, it is the same execution, and each of several replays of its
 * schedule shows the trace the exploration reported, interrupts in the same order.
 */
class ReplayAgreementTest {
  private static final Program PROGRAM = Corpus.named("CancelledTally");
  private static final long SEED = Budget.SEEDS[0];
  private static final int REPLAYS = 3;
  private static final Pattern INTERRUPT = Pattern.compile("interrupt T\\d");

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void findingAndReplayingShowOneExecution(StrategyKind strategy) {
    Failure first = find(strategy);
    Failure again = find(strategy);
    assertEquals(first.trace(), again.trace(), "the same seed found another execution");
    assertEquals(first.schedule(), again.schedule());
    assertEquals(2, interrupts(first.trace()).size(), first.trace());
    for (int i = 0; i < REPLAYS; i++) {
      ReplayResult replay = Weft.replay(first.scheduleFile().toString(), PROGRAM.body());
      assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
      assertEquals(interrupts(first.trace()), interrupts(replay.trace()));
      assertEquals(first.trace(), replay.trace());
    }
  }

  private static Failure find(StrategyKind strategy) {
    ExplorationResult result = Weft.exploreInterleavings(Budget.options(PROGRAM, strategy, SEED,
        "ReplayAgreementTest." + strategy.cliName()).build(), PROGRAM.body());
    return result.failure().orElseThrow(() -> new AssertionError(result.summary()));
  }

  private static List<String> interrupts(String trace) {
    return INTERRUPT.matcher(trace).results().map(r -> r.group()).toList();
  }
}
