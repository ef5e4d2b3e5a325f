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
 * The harness runs end to end on two programs with a tiny budget, Lincheck included, and writes
 * its files with the documented columns. Only the shape is checked: figures depend on the machine,
 * and whether Lincheck runs at all depends on the JDK (a row then says why it could not).
 */
class HarnessSmokeTest {
  @TempDir Path out;

  @Test
  void writesCsvAndJsonWithTheDocumentedColumns() throws IOException {
    Console run = Console.run(Harness::run, "--programs", "LostUpdate,LostUpdateFixed",
        "--strategies", "random", "--seeds", "2", "--budget", "20", "--throughput", "20",
        "--time-limit", "20s", "--lincheck", "--lincheck-runs", "1", "--out", out.toString());
    String output = run.output();
    assertEquals(0, run.code(), output);

    List<String> results = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(String.join(",", Report.COLUMNS), results.get(0));
    assertEquals(5, results.size(), "a header and 2 programs x (weft:random, lincheck)\n" + output);
    assertTrue(results.get(1).startsWith("LostUpdate,exception,weft,random,2,"), results.get(1));
    assertTrue(results.get(2).startsWith("LostUpdate,exception,lincheck,model-checking,"),
        results.get(2));
    assertTrue(results.get(3).startsWith("LostUpdateFixed,correct,weft,random,2,"), results.get(3));

    List<String> ratios = Files.readAllLines(out.resolve("ratios.csv"));
    assertEquals(String.join(",", Report.RATIO_COLUMNS), ratios.get(0));
    assertEquals(3, ratios.size(), String.join("\n", ratios));

    String json = Files.readString(out.resolve("results.json"));
    for (String key : List.of("\"meta\"", "\"rows\"", "\"ratios\"", "\"jdk\"", "\"machine\"")) {
      assertTrue(json.contains(key), key + " missing from results.json");
    }
    for (String column : Report.COLUMNS) {
      assertTrue(json.contains("\"" + column + "\""), column + " missing from results.json");
    }
  }

  @Test
  void badArgumentsGiveOneLineOfUsage() {
    Console run = Console.run(Harness::run, "--programs", "NoSuchProgram");
    String message = run.output();
    assertEquals(2, run.code(), message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("NoSuchProgram") && message.contains("usage: Harness"), message);
  }
}
