package dev.weft.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fray's console output, as Fray 0.9.2 printed it in the harness's runs, read into results; and the
 * harness's refusal of {@code --fray} without a strategy Fray shares. Running Fray itself needs its
 * set-up (minutes, and the registry), so it is left to the harness.
 */
class FrayTest {
  private static final Path LOG = Path.of("fray.log");

  @Test
  void aSearchThatStoppedAtItsFirstFailureCountsExecutionsFromOne() throws IOException {
    Fray.Result r = Fray.parse("""
        Iterations/sec: 1.20
        2026-12-04 20:04:05 [INFO]: Error found at iter: 3, step: 148, Elapsed time: 1114ms
        2026-12-04 20:04:05 [INFO]: Error: org.pastalab.fray.runtime.DeadlockException
        """, LOG);
    assertTrue(r.failed());
    assertEquals(4, r.failedAt());
    assertEquals(1114, r.millisToFailure());
    assertEquals(4, r.iterations(), "it ran up to the failure");
    assertEquals("deadlock", r.kind());
  }

  @Test
  void anExploringRunCountsEveryExecutionAndItsFirstFailure() throws IOException {
    Fray.Result r = Fray.parse("""
        2026-12-04 20:01:52 [INFO]: Error found at iter: 2, step: 175, Elapsed time: 898ms
        2026-12-04 20:01:52 [INFO]: Error: java.lang.AssertionError: lost update: count is 1, expected 2
        2026-12-04 20:01:55 [INFO]: Error found at iter: 9, step: 170, Elapsed time: 1203ms
        2026-12-04 20:02:02 [INFO]: Run finished. Total iter: 500, Elapsed time: 10370ms, \
        Iterations/sec: 48.22, Covered timelines: 28
        """, LOG);
    assertEquals(500, r.iterations());
    assertEquals(10370, r.millis());
    assertEquals(3, r.failedAt());
    assertEquals("exception", r.kind());
    assertEquals("java.lang.AssertionError: lost update: count is 1, expected 2", r.error());
  }

  @Test
  void aRunWithoutFailureHasItsTotalsOnly() throws IOException {
    Fray.Result r = Fray.parse("2026-12-04 20:03:27 [INFO]: Run finished. Total iter: 500,"
        + " Elapsed time: 12893ms, Iterations/sec: 38.78, Covered timelines: 19\n", LOG);
    assertFalse(r.failed());
    assertEquals(500, r.iterations());
    assertEquals(12893, r.millis());
    assertEquals("", r.kind());
  }

  @Test
  void outputWithNeitherIsAnErrorThatNamesTheLog() {
    IOException e = assertThrows(IOException.class,
        () -> Fray.parse("Exception in thread \"main\" java.lang.NoClassDefFoundError\n", LOG));
    assertTrue(e.getMessage().contains("fray.log"), e.getMessage());
  }

  @Test
  void frayNeedsAStrategyItShares() {
    Console run = Console.run(Harness::run, "--programs", "LostUpdate", "--strategies", "dfs",
        "--fray");
    assertEquals(2, run.code(), run.output());
    assertEquals(1, run.output().lines().count(), run.output());
    assertTrue(run.output().contains("--fray") && run.output().contains("random"), run.output());
  }
}
