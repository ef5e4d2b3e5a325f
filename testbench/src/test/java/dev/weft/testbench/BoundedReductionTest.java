package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.strategy.dfs.Dfs;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Partial-order reduction under a preemption bound stays complete for the bound: on every buggy
 * program of the corpus, iterative bounding with DPOR finds the bug with the same, minimal, number
 * of preemptions as iterative bounding without reduction (which tries every schedule within each
 * bound), and needs no more executions to get there.
 */
class BoundedReductionTest {
  private static final int MAX_BOUND = 3;
  private static final int CAP = 20_000;

  static Stream<Program> buggy() {
    return Corpus.buggy().stream();
  }

  /** The first bug of an iterative bounded search, with how many executions it took. */
  private record Found(int preemptions, int executions) {}

  private static Found search(Program program, boolean reduce) {
    ExecutionConfig config = new ExecutionConfig(program.maxSteps().orElse(20_000),
        TimeUnit.SECONDS.toNanos(10), false, false).withClassesReloaded(program.freshClasses());
    Dfs dfs = new Dfs(reduce, MAX_BOUND, true);
    int executions = 0;
    while (dfs.hasNextExecution() && executions < CAP) {
      ExecutionResult r = Scheduler.execute(config, dfs, 0, program.body()::run);
      executions++;
      if (r.outcome().isBug()) return new Found(r.preemptions(), executions);
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buggy")
  void reductionKeepsTheMinimalPreemptionCount(Program program) {
    Found plain = search(program, false);
    Found reduced = search(program, true);
    if (plain == null) {
      assertTrue(reduced == null || reduced.preemptions() <= MAX_BOUND, program.name());
      return; // beyond the bound or the cap for plain search: nothing to compare against
    }
    assertTrue(reduced != null, program.name() + ": DPOR missed a bug plain search found with "
        + plain.preemptions() + " preemptions");
    assertEquals(plain.preemptions(), reduced.preemptions(), program.name());
    assertTrue(reduced.executions() <= plain.executions(), program.name() + ": " + reduced
        + " vs plain " + plain);
  }
}
