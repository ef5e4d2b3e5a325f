package dev.weft.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.linearizability.LinearizabilityResult;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The side-by-side benchmark's two halves agree on what matters: both Weft and Lincheck (in its
 * child JVM) find that the read-then-set stack is not linearizable in 2 threads of 3 operations,
 * and the bench reads the size of Lincheck's reported scenario; Weft passes Treiber's stack. No
 * figure is checked: they depend on the machine.
 */
class LinearizabilityBenchSmokeTest {
  @TempDir Path out;

  private LinearizabilityBench.Args args() {
    return new LinearizabilityBench.Args(2, 3, 5, 200, StrategyKind.DFS, out,
        BenchStructure.STACK);
  }

  @Test
  void weftFindsTheLostPushAndPassesTreiber() {
    LinearizabilityBench.Args a = args();
    LinearizabilityResult buggy = LinearizabilityBench.check(BenchStacks.ReadThenSet::new, a)
        .scenarios(a.scenarios()).minimisationRuns(0)
        .check(LinearizabilityBench.options(a, "lin-smoke-read-then-set", false));
    assertTrue(buggy.failure().isPresent(), buggy.lastExploration().summary());
    assertTrue(buggy.failure().get().summary().contains("not linearizable: "),
        buggy.failure().get().summary());
    assertEquals(2, buggy.failingScenario().threads().size());
    assertEquals(6, buggy.failingScenario().calls());

    LinearizabilityResult treiber = LinearizabilityBench.check(BenchStacks.Treiber::new, a)
        .scenarios(3).check(LinearizabilityBench.options(a, "lin-smoke-treiber", false));
    assertTrue(treiber.failure().isEmpty(), () -> treiber.failure().get().report());
  }

  @Test
  void lincheckFindsTheLostPushAndItsReportIsRead() throws Exception {
    Properties p = LinearizabilityBench.lincheck(args(), true);
    String report = p.getProperty("buggy.report", "");
    assertEquals("true", p.getProperty("buggy.failed"), report);
    assertTrue(report.contains("Invalid execution results"), report);
    String size = LinearizabilityBench.size(report);
    assertTrue(size.startsWith("2 threads, 6 operations (all parallel): "), size + "\n" + report);
  }
}
