package dev.weft.explorer.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import dev.weft.samples.junit.AllSettingsSample;
import dev.weft.samples.junit.CounterSample;
import dev.weft.samples.junit.MockedLedgerSample;
import dev.weft.samples.junit.PinnedSample;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@link InterleavingTest} as a user meets it: sample test classes run through the JUnit launcher,
 * a failure's message holds the trace and a replay command, and that command's property replays the
 * same failing execution in the same, unchanged test.
 */
class InterleavingExtensionTest {
  private static final Pattern REPLAY_STRING = Pattern.compile("-Dweft\\.replay='(weft1;[^']*)'");
  private static final Pattern REPLAY_FILE = Pattern.compile("-Dweft\\.replay='([^']*\\.json)'");

  @Test
  void mockitoMocksWorkInsideExploredBodiesAndTheirBugReplays() {
    Outcome correct = run(MockedLedgerSample.class, "lockedDepositsKeepBoth");
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, correct.status(), correct.message());
    assertTrue(correct.summary().contains("exhaustive"), correct.summary());

    Outcome buggy = run(MockedLedgerSample.class, "unlockedDepositsLoseOne");
    assertEquals(TestExecutionResult.Status.FAILED, buggy.status(), buggy.summary());
    assertTrue(buggy.message().contains("a deposit was lost"), buggy.message());
    String schedule = group(REPLAY_STRING, buggy.message());
    Outcome replayed = withProperty(InterleavingExtension.REPLAY_PROPERTY, schedule,
        () -> run(MockedLedgerSample.class, "unlockedDepositsLoseOne"));
    assertTrue(replayed.message().startsWith("Replayed: "), replayed.message());
    // The short string does not know the execution's number; the trace and the error are the same.
    String report = buggy.message().substring(0,
        buggy.message().indexOf("Replay it, the test unchanged"));
    assertEquals(afterHeadline(report), afterHeadline(replayed.message()));
  }

  @Test
  void aBugPublishesItsScheduleAndReportFilesAsReportEntries() {
    Outcome outcome = run("lostUpdate");
    assertEquals(TestExecutionResult.Status.FAILED, outcome.status(), outcome.summary());
    Map<String, String> entries = outcome.entries();
    assertTrue(entries.get("weft.replay").startsWith("weft1;"), entries::toString);
    for (String key : List.of("weft.schedule", "weft.page", "weft.graph")) {
      assertTrue(entries.containsKey(key), key + " in " + entries);
      assertTrue(Files.isRegularFile(Path.of(entries.get(key))), key + ": " + entries.get(key));
    }
    assertTrue(entries.get("weft.page").endsWith(".html"), entries::toString);
    assertTrue(entries.get("weft.graph").endsWith(".dot"), entries::toString);
  }

  @Test
  void theFailuresPageEndsWithTheCommandsThatReplayTheTest() throws IOException {
    Map<String, String> entries = run("lostUpdate").entries();
    String page = Files.readString(Path.of(entries.get("weft.page")));
    String command = "mvn test -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dtest='dev.weft.samples.junit.CounterSample#lostUpdate' -Dweft.replay=";
    assertTrue(page.contains("<section class=\"extra replay\">\n"
        + "<h2>Replay it, the test unchanged</h2>\n"
        + "<p>" + command + "'" + entries.get("weft.replay") + "'</p>\n"
        + "<p>or, from the directory the test ran in:</p>\n"
        + "<p>" + command + "'" + entries.get("weft.schedule") + "'</p>\n"
        + "</section>\n</body>"), page);
    assertFalse(page.contains("Weft.replay("), "the API's calls are replaced: " + page);
  }

  @Test
  void aBugFailsTheTestWithItsTraceAndACommandThatReplaysIt() {
    String message = withProperty("weft.shrink", "false", () -> failureOf("lostUpdate"));
    assertTrue(message.contains("Weft found a bug (exception)"), message);
    assertTrue(message.contains("lost update"), message);
    assertTrue(message.contains("mvn test -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dtest='dev.weft.samples.junit.CounterSample#lostUpdate' -Dweft.replay='weft1;"),
        message);
    String report = message.substring(0, message.indexOf("Replay it, the test unchanged"));

    // The file knows which execution of the exploration failed; the short string does not, so
    // its headline says execution 1, and the rest (the trace and the error) is the same.
    String file = group(REPLAY_FILE, message);
    String fromFile = withProperty(InterleavingExtension.REPLAY_PROPERTY, file,
        () -> failureOf("lostUpdate"));
    assertEquals("Replayed: " + report, fromFile);

    String schedule = group(REPLAY_STRING, message);
    String replayed = withProperty(InterleavingExtension.REPLAY_PROPERTY, schedule,
        () -> failureOf("lostUpdate"));
    assertEquals(afterHeadline(report), afterHeadline(replayed));
  }

  @Test
  void aPinnedScheduleIsReplayedInsteadOfExplored() {
    Outcome pinned = run(PinnedSample.class, "pinnedToTheLostUpdate");
    assertEquals(TestExecutionResult.Status.FAILED, pinned.status(), pinned.message());
    assertTrue(pinned.message().startsWith("Replayed: Weft found a bug (exception) in execution 1,"
        + " with 1 preemption: T0 threw org.opentest4j.AssertionFailedError: lost update"),
        pinned.message());
    assertEquals("REPRODUCED", pinned.entries().get("weft.replay"), pinned.entries()::toString);
    assertFalse(pinned.entries().containsKey("weft.summary"), "nothing was explored");
    // The same string given by the property to the same body, unpinned: the same execution.
    Outcome byProperty = withProperty(InterleavingExtension.REPLAY_PROPERTY,
        PinnedSample.LOST_UPDATE, () -> run(PinnedSample.class, "explored"));
    assertEquals(traceTable(byProperty.message()), traceTable(pinned.message()));
  }

  @Test
  void thePropertyWinsOverAPinnedSchedule() {
    Outcome outcome = withProperty(InterleavingExtension.REPLAY_PROPERTY, PinnedSample.NO_RACE,
        () -> run(PinnedSample.class, "pinnedToTheLostUpdate"));
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, outcome.status(), outcome.message());
    assertEquals("NO_FAILURE", outcome.entries().get("weft.replay"), outcome.entries()::toString);
  }

  @Test
  void aPinnedScheduleTheProgramNoLongerFollowsFailsSayingWhere() {
    Outcome outcome = run(PinnedSample.class, "pinnedToAScheduleThatNoLongerFits");
    assertEquals(TestExecutionResult.Status.FAILED, outcome.status(), outcome.message());
    assertTrue(outcome.message().startsWith("The replay did not follow the schedule:\nThe replay"
        + " diverged: "), outcome.message());
    assertTrue(outcome.message().contains("recorded choices left over"), outcome.message());
    assertEquals("DIVERGED", outcome.entries().get("weft.replay"), outcome.entries()::toString);
  }

  @Test
  void aPinnedFileOfCodeChangedSinceIsRefusedNamingTheClass() throws IOException {
    Outcome explored = run(PinnedSample.class, "explored");
    String recorded = Files.readString(Path.of(explored.entries().get("weft.schedule")));
    Path pinnedFile = Path.of(PinnedSample.STALE_FILE);
    Files.createDirectories(pinnedFile.getParent());
    Files.writeString(pinnedFile, recorded);
    Outcome asRecorded = run(PinnedSample.class, "pinnedToAFileOfChangedCode");
    assertTrue(asRecorded.message().startsWith("Replayed: "), asRecorded.message());

    // What the file says of incrementTwice's code, as if the method had been edited since.
    String edited = recorded.replaceFirst(
        "(\"dev\\.weft\\.samples\\.junit\\.PinnedSample#incrementTwice\": \")[0-9a-f]{16}",
        "$10000000000000000");
    assertFalse(edited.equals(recorded), recorded);
    Files.writeString(pinnedFile, edited);
    Outcome refused = run(PinnedSample.class, "pinnedToAFileOfChangedCode");
    assertEquals(TestExecutionResult.Status.FAILED, refused.status(), refused.message());
    assertEquals("Weft cannot replay the schedule given by @ReplaySchedule: class"
        + " dev.weft.samples.junit.PinnedSample changed since the schedule was recorded; explore"
        + " again to record a new schedule", refused.message().lines().findFirst().orElseThrow());
  }

  @Test
  void aCorrectTestPassesOverItsWholeBudget() {
    Outcome outcome = run("atomicIncrement");
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, outcome.status(), outcome.message());
    assertTrue(outcome.summary().startsWith("300 executions"), outcome.summary());
  }

  @Test
  void eachExecutionRunsOnAFreshInstance() {
    Outcome outcome = run("freshInstanceEachExecution");
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, outcome.status(), outcome.message());
    assertTrue(outcome.summary().contains("exhaustive"), outcome.summary());
  }

  @Test
  void aNestedClassRunsOnFreshInstancesToo() {
    Outcome outcome = run(CounterSample.Inner.class, "freshInnerInstance");
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, outcome.status(), outcome.message());
  }

  @Test
  void aTestMethodWithParametersIsRefusedWithWhatToChange() {
    String message = failureOf("takesAParameter");
    assertTrue(message.contains("@InterleavingTest method CounterSample.takesAParameter takes"
        + " parameters"), message);
  }

  @Test
  void aScheduleThatDoesNotParseIsRefusedWithItsReason() {
    String message = withProperty(InterleavingExtension.REPLAY_PROPERTY, "weft1;nonsense",
        () -> failureOf("lostUpdate"));
    assertTrue(message.startsWith("Weft cannot replay the schedule given by -Dweft.replay: "),
        message);
  }

  @Test
  void settingsComeFromPropertiesThenTheMethodThenTheClass() throws Exception {
    var method = CounterSample.class.getDeclaredMethod("atomicIncrement");
    Options options = Settings.options(CounterSample.class, method).build();
    assertEquals(StrategyKind.RANDOM, options.strategy());
    assertEquals(300, options.iterations());
    Options fromClass = Settings.options(CounterSample.class,
        CounterSample.class.getDeclaredMethod("lostUpdate")).build();
    assertEquals(StrategyKind.DFS, fromClass.strategy());
    assertEquals(2_000, fromClass.iterations());
    assertEquals(Duration.ofSeconds(60), fromClass.timeLimit());
    Options overridden = withProperty("weft.iterations", "7",
        () -> Settings.options(CounterSample.class, method).build());
    assertEquals(7, overridden.iterations());
    assertEquals(StrategyKind.RANDOM, overridden.strategy());
  }

  @Test
  void everySettingOfTheAnnotationReachesTheOptions() throws Exception {
    Options options = Settings.options(AllSettingsSample.class,
        AllSettingsSample.class.getDeclaredMethod("everySetting")).build();
    assertEquals(StrategyKind.PCT, options.strategy());
    assertEquals(5, options.iterations());
    assertEquals(9, options.seed());
    assertEquals(Duration.ofSeconds(7), options.timeLimit());
    assertEquals(123, options.maxSteps());
    assertEquals(2, options.preemptionBound());
    assertTrue(options.detectRaces());
    assertFalse(options.spuriousWakeups());
    assertEquals(Timeouts.WHEN_BLOCKED, options.timeouts());
  }

  @Test
  void twoValuesForOneSettingAreRefused() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.options(TwoValues.class, TwoValues.class.getDeclaredMethod("test")));
    assertEquals("iterations takes one value, not 2 (in the Weft settings of TwoValues.test)",
        e.getMessage());
  }

  static class TwoValues {
    @InterleavingTest(iterations = {1, 2})
    void test() {}
  }

  private record Outcome(TestExecutionResult.Status status, String message, String summary,
      Map<String, String> entries) {}

  private static String failureOf(String method) {
    Outcome outcome = run(method);
    assertEquals(TestExecutionResult.Status.FAILED, outcome.status(), outcome.summary());
    return outcome.message();
  }

  private static Outcome run(String method) {
    return run(CounterSample.class, method);
  }

  /** Runs one method of a sample class through the JUnit launcher. */
  private static Outcome run(Class<?> sample, String method) {
    List<Outcome> outcomes = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    Map<String, String> entries = new HashMap<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void reportingEntryPublished(TestIdentifier id,
          org.junit.platform.engine.reporting.ReportEntry entry) {
        entries.putAll(entry.getKeyValuePairs());
        entry.getKeyValuePairs().forEach((k, v) -> {
          if (k.equals("weft.summary")) summaries.add(v);
        });
      }

      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        outcomes.add(new Outcome(result.getStatus(), message,
            summaries.isEmpty() ? "" : summaries.get(0), Map.copyOf(entries)));
      }
    };
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(sample.getName() + "#" + method
            + (method.equals("takesAParameter") ? "(org.junit.jupiter.api.TestInfo)" : "")))
        .build(), listener);
    assertEquals(1, outcomes.size(), "one test ran: " + outcomes);
    return outcomes.get(0);
  }

  /** The trace table of a report: from its heading row to the blank line after it. */
  private static String traceTable(String report) {
    return group(Pattern.compile("(?s)\n( step \\|.*?)\n\n"), report);
  }

  private static String afterHeadline(String report) {
    return report.substring(report.indexOf("\n\n"));
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }

  private static <T> T withProperty(String name, String value, java.util.function.Supplier<T> s) {
    String before = System.getProperty(name);
    System.setProperty(name, value);
    try {
      return s.get();
    } finally {
      if (before == null) System.clearProperty(name);
      else System.setProperty(name, before);
    }
  }
}
