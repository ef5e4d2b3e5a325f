package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.samples.linearizability.StackChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JUnit 5 form as a user meets it: {@link StackChecks}' tests run through the JUnit launcher;
 * a stack that loses pushes fails its test with the report and the replay line, Treiber's passes.
 */
@org.junit.jupiter.api.parallel.ResourceLock("weft.replay")
class LinearizabilityJUnitTest {
  @Test
  void aNonLinearizableStackFailsItsTestWithTheReportAndTheReplayLine() {
    TestExecutionResult result = run("readThenSetStack");
    assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), result.toString());
    String message = result.getThrowable().orElseThrow().getMessage();
    assertTrue(message.startsWith("Weft found a bug"), message);
    assertTrue(message.contains("not linearizable: "), message);
    assertTrue(message.contains("No sequential order of these calls"), message);
    assertTrue(message.contains("\nor in code: check.replay(result.failingScenario(), \""),
        message);
  }

  @Test
  void theCommandLineInTheReportReplaysTheFailure() {
    String message = run("readThenSetStack").getThrowable().orElseThrow().getMessage();
    Matcher command = Pattern.compile("mvn test -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dtest='([^']+)' -Dweft.replay='([^']+)'").matcher(message);
    assertTrue(command.find(), message);
    assertEquals(StackChecks.class.getName() + "#readThenSetStack", command.group(1));
    // What Maven would do with that line: run the same method with the property set.
    System.setProperty("weft.replay", command.group(2));
    try {
      TestExecutionResult replayed = run("readThenSetStack");
      assertEquals(TestExecutionResult.Status.FAILED, replayed.getStatus(), replayed.toString());
      String again = replayed.getThrowable().orElseThrow().getMessage();
      assertTrue(again.startsWith("Replayed: Weft found a bug"), again);
      assertTrue(again.contains("not linearizable: "), again);
      assertEquals(trace(message), trace(again));
    } finally {
      System.clearProperty("weft.replay");
    }
  }

  /** The report's trace: its table of steps, up to the blank line after it. */
  private static String trace(String report) {
    int from = report.indexOf(" step |");
    int to = report.indexOf("\n\n", from);
    assertTrue(from >= 0 && to > from, report);
    return report.substring(from, to);
  }

  @Test
  void aLinearizableStackPassesItsTest() {
    TestExecutionResult result = run("treiberStack");
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(), result.toString());
  }

  /** Runs one method of {@link StackChecks} through the launcher; returns its one result. */
  private static TestExecutionResult run(String method) {
    List<TestExecutionResult> results = new ArrayList<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) results.add(result);
      }
    };
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(StackChecks.class.getName() + "#" + method)).build(), listener);
    assertEquals(1, results.size(), "results of " + method + ": " + results);
    return results.get(0);
  }
}
