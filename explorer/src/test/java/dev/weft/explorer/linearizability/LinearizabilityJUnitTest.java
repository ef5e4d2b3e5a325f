package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.samples.linearizability.StackChecks;
import java.util.ArrayList;
import java.util.List;
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
class LinearizabilityJUnitTest {
  @Test
  void aNonLinearizableStackFailsItsTestWithTheReportAndTheReplayLine() {
    TestExecutionResult result = run("readThenSetStack");
    assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), result.toString());
    String message = result.getThrowable().orElseThrow().getMessage();
    assertTrue(message.startsWith("Weft found a bug"), message);
    assertTrue(message.contains("not linearizable: "), message);
    assertTrue(message.contains("No sequential order of these calls"), message);
    assertTrue(message.contains("Replay it: check.replay(result.failingScenario(), \""), message);
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
