package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where JDK code clears a waiting thread's interrupt status (a lock's acquire), the trace of a
 * failure that hinges on it shows that step, under every strategy, before the read that saw the
 * status unset.
 */
class InterruptStatusTraceTest {
  private static final String CLEARED = "clearInterrupt T1 (worker) (by"
      + " AbstractQueuedSynchronizer.acquire; other threads see it unset until it is restored)";

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void theTraceShowsWhereJdkCodeClearedTheStatus(StrategyKind strategy) {
    Program program = Corpus.named("InterruptCheckedTooSoon");
    ExplorationResult result = Weft.exploreInterleavings(Budget.options(program, strategy, 1L,
        "InterruptStatusTraceTest-" + strategy.cliName()).build(), program.body());
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    String trace = f.trace();
    int cleared = trace.indexOf(CLEARED);
    int read = trace.indexOf("isInterrupted T1 (worker) (false)");
    assertTrue(cleared >= 0 && read > cleared, trace);
  }
}
