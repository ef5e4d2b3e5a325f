package dev.weft.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shrinking measurement runs end to end on one program, and its CSV holds the failure as found
 * and as shrunk: two preemption-bounded programs, whose least counts are known, shrink to them.
 */
class ShrinkBenchTest {
  @TempDir Path out;

  @Test
  void comparesEachFailureAsFoundAndAsShrunk() throws IOException {
    Console run = Console.run(ShrinkBench::run, "--programs", "OnePreemption,TwoPreemptions",
        "--strategies", "random", "--seeds", "1", "--out", out.toString());
    String output = run.output();
    assertEquals(0, run.code(), output);
    assertTrue(output.contains("| random | 2 |"), output);

    List<String> rows = Files.readAllLines(out.resolve("shrink.csv"));
    assertEquals("program,strategy,seed,kind,preemptions_found,steps_found,preemptions_shrunk,"
        + "steps_shrunk,runs,ms_without_shrinking,ms_with_shrinking,summary", rows.get(0));
    assertEquals(3, rows.size(), output);
    String shrunkTo = "random,1,exception,\\d+,\\d+,%d,.*";
    assertTrue(rows.get(1).matches("OnePreemption," + shrunkTo.formatted(1)), rows.get(1));
    assertTrue(rows.get(2).matches("TwoPreemptions," + shrunkTo.formatted(2)), rows.get(2));
  }
}
