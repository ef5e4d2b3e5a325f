package dev.weft.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The scale bench's command line: a wrong argument stops it with one line that names it and shows
 * the usage. Its figures are the benchmark's (docs/benchmarks.md), never a test's.
 */
class ScaleBenchTest {
  @Test
  void aThreadCountBelowOneIsRefused() {
    Console run = Console.run(ScaleBench::run, "--threads", "2,0");
    assertEquals(2, run.code(), run.output());
    assertEquals(1, run.output().lines().count(), run.output());
    assertTrue(run.output().contains("'0'") && run.output().contains("usage: ScaleBench"),
        run.output());
  }

  @Test
  void aProgramOutsideTheScalePackageIsRefused() {
    Console run = Console.run(ScaleBench::run, "--programs", "LostUpdate");
    assertEquals(2, run.code(), run.output());
    assertTrue(run.output().contains("no program LostUpdate"), run.output());
  }
}
