package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import dev.weft.samples.explorer.Stacks;
import dev.weft.samples.linearizability.StackChecks;
import dev.weft.explorer.report.ReportFiles;
import java.nio.file.Files;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Linearizability under Weft's schedules: a stack whose push reads then sets its top loses a push
 * in some interleaving, which no sequential stack explains; the report shows the history and the
 * reason, and replays. Treiber's stack passes every scenario, proved by systematic search.
 */
class LinearizabilityTest {
  private static Linearizability<Stacks.Stack, Stacks.Sequential> stack(
      Supplier<Stacks.Stack> concurrent) {
    return StackChecks.stack(concurrent);
  }

  private static Options dfs(String name) {
    return StackChecks.dfs(name);
  }

  @Test
  void aStackThatLosesPushesIsNotLinearizableAndItsScheduleReplays() {
    LinearizabilityResult result = stack(Stacks.ReadThenSet::new).check(dfs("read-then-set"));
    Failure f = result.failure().orElseThrow(() -> new AssertionError(
        "no scenario failed: " + result.lastExploration().summary()));
    assertNotNull(result.failingScenario());
    assertTrue(f.summary().contains("not linearizable: " + result.failingScenario()), f.summary());
    assertTrue(f.message().contains("No sequential order of these calls gives each the result it"
        + " returned"), f.message());
    Scenario failing = result.failingScenario();
    ReplayResult replay = stack(Stacks.ReadThenSet::new).replay(failing, f.scheduleFile().toString());
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  @Test
  void assertLinearizableFailsWithTheReportAndAReplayThatReproducesIt() {
    Linearizability<Stacks.Stack, Stacks.Sequential> check = stack(Stacks.ReadThenSet::new);
    LinearizabilityResult result = check.check(dfs("read-then-set-assert"));
    AssertionError e = assertThrows(AssertionError.class, result::assertLinearizable);
    Failure f = result.failure().orElseThrow();
    assertTrue(e.getMessage().startsWith(f.report()), e.getMessage());
    assertTrue(e.getMessage().contains("Failing scenario: " + result.failingScenario()),
        e.getMessage());
    Matcher hint = Pattern
        .compile("check\\.replay\\(result\\.failingScenario\\(\\), \"([^\"]+)\"\\)")
        .matcher(e.getMessage());
    assertTrue(hint.find(), e.getMessage());
    ReplayResult replay = check.replay(result.failingScenario(), hint.group(1));
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
  }

  @Test
  void aFailingScenarioIsMinimisedToOneWhereNoRemovalStillFails() throws Exception {
    Linearizability<Stacks.Stack, Stacks.Sequential> check =
        stack(Stacks.ReadThenSet::new).threads(3).operationsPerThread(3);
    LinearizabilityResult result = check.check(dfs("read-then-set-minimised"));
    Scenario drawn = result.drawnScenario();
    Scenario minimal = result.failingScenario();
    assertEquals(9, drawn.calls());
    assertTrue(minimal.calls() < drawn.calls(), minimal + " is not smaller than " + drawn);
    assertEquals(2, minimal.threads().size(), "a lost push takes two threads: " + minimal);
    // One-minimal: no single removal still fails, under the same budget.
    for (Scenario smaller : minimal.smaller()) {
      ExplorationResult r = Weft.exploreInterleavings(dfs("read-then-set-smaller"),
          () -> stack(Stacks.ReadThenSet::new).run(smaller));
      assertTrue(r.failure().isEmpty(), smaller + " still fails: " + r.summary());
    }
    Failure f = result.failure().orElseThrow();
    assertTrue(f.summary().contains("not linearizable: " + minimal), f.summary());
    String page = Files.readString(ReportFiles.beside(f.scheduleFile(), ReportFiles.HTML));
    assertTrue(page.contains("<h2>History</h2>"), page);
    assertTrue(page.contains("<td>push(1)</td>") || page.contains("<td>push(2)</td>"), page);
  }

  @Test
  void treibersStackIsLinearizableInEveryInterleavingOfEveryScenario() {
    LinearizabilityResult result = stack(Stacks.Treiber::new).check(dfs("treiber"));
    result.assertLinearizable();
    assertEquals(10, result.scenariosExplored());
    ExplorationResult last = result.lastExploration();
    assertTrue(last.statistics().coveredEverything(), last.summary());
  }
}
