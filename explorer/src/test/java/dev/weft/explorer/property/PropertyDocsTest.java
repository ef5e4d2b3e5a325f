package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.docs.PropertyExamples;
import dev.weft.samples.property.Caches;
import dev.weft.samples.property.Queues;
import dev.weft.samples.property.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of docs/properties.md run as the page says, and the page quotes them exactly. */
class PropertyDocsTest {
  private static final Path SOURCE =
      Path.of("src/test/java/dev/weft/samples/docs/PropertyExamples.java");

  @Test
  void examplesDoWhatThePageSays() {
    PropertyResult<List<Integer>> reverse = PropertyExamples.reverse();
    assertEquals(1_000, reverse.tests());
    assertTrue(reverse.labels().percent("empty") > 0, reverse.report());
    assertEquals(List.of(1, 0),
        PropertyExamples.sortedFails().counterexample().orElseThrow().shrunk());
    AssertionError e = assertThrows(AssertionError.class, PropertyExamples::lostUpdate);
    assertTrue(e.getMessage().contains("  one after another: [1, 2]\n  at once, per thread: [1, 1]"),
        e.getMessage());
    AssertionError workload =
        assertThrows(AssertionError.class, PropertyExamples::lostUpdateWorkload);
    assertTrue(workload.getMessage().contains("[t1: add(1); t2: add(1)]"), workload.getMessage());
    AssertionError bank = assertThrows(AssertionError.class, PropertyExamples::bank);
    assertTrue(bank.getMessage().startsWith("forAllInterleavings (systematic): failed; "),
        bank.getMessage());
    assertTrue(bank.getMessage().contains("invariant 'total is 200' failed"), bank.getMessage());
  }

  @Test
  void theWorkloadGeneratorMakesTwoToFourThreadsOfOneToFiveCalls() {
    for (long seed = 0; seed < 50; seed++) {
      ConcurrentWorkload<?> w = PropertyExamples.workloads().sample(seed, Gen.MAX_SIZE - 1);
      assertTrue(w.threadCount() >= 2 && w.threadCount() <= 4, w.toString());
      assertTrue(w.operationsPerThread().stream().allMatch(n -> n >= 1 && n <= 5), w.toString());
      assertTrue(w.calls().stream().allMatch(c -> List.of("get", "add", "reset")
          .contains(c.operation())), w.toString());
    }
  }

  @Test
  void eightThreadsCatchTheBrokenCacheAndTheConcurrentOnePassesTheWholeBudget() {
    ConcurrentTestResult<Pair<String, String>, String> broken =
        PropertyExamples.cache(Caches.CheckThenAct::new);
    assertEquals(3, broken.raceConditionsDetected(), broken.report());
    Difference<Pair<String, String>, String> d = broken.firstDifference().orElseThrow();
    assertEquals(new Pair<>("a", "x"), d.shrunkInput());
    assertEquals(8, d.threads());
    assertEquals(2, d.shrunkThreads(), "two threads are enough to both find the key absent");
    assertEquals(List.of(Outcome.returned(null), Outcome.returned(null)), d.perThread(),
        "both threads put");
    ConcurrentTestResult<Pair<String, String>, String> correct =
        PropertyExamples.cache(Caches.Concurrent::new);
    correct.assertDeterministic();
    assertEquals(3 * 50, correct.executions(), "the whole budget ran");
  }

  @Test
  void generatedPushesAndPopsCatchTheBrokenQueueAndTheJdkQueuePassesTheWholeBudget() {
    WorkloadResult<Queues.IntQueue> broken = PropertyExamples.queue(Queues.BrokenMichaelScott::new);
    ConcurrentWorkload<Queues.IntQueue> shrunk =
        broken.counterexample().orElseThrow().shrunk();
    // Fewer is impossible: a pop taken twice needs a push before two pops in two threads.
    assertEquals(2, shrunk.threadCount(), broken.report());
    assertEquals(3, shrunk.calls().size(), broken.report());
    assertEquals(SHRUNK_QUEUE, shrunk.toString());
    String schedule = broken.failure().orElseThrow().failure().orElseThrow().schedule();
    assertTrue(broken.report().contains(schedule), broken.report());
    WorkloadResult<Queues.IntQueue> correct = PropertyExamples.queue(Queues.Jdk::new);
    correct.assertHolds();
    assertEquals(10 * 100, correct.executions(), "the whole budget ran");
  }

  /**
   * The latency bound the HTTP example is checked with here: generous, because on a shared machine
   * under heavy load an average request can take longer than the page's 100 ms, which must not fail
   * the correct service. The bug is the 5xx, which does not depend on the machine's speed.
   */
  private static final Duration GENEROUS_LATENCY = Duration.ofMinutes(1);

  @Test
  void anHttpLoadFindsTheUnsafeStoresServerErrorsAndTheConcurrentStoreServesEveryRequest()
      throws Exception {
    AssertionError broken = assertThrows(AssertionError.class,
        () -> PropertyExamples.http(new UserService.UnsafeStore(), GENEROUS_LATENCY));
    String report = broken.getMessage();
    assertTrue(report.startsWith("Stress: 2000 operations on 4 threads"), report);
    assertTrue(report.contains("failures:\n  input "), report);
    assertTrue(report.contains(": a 5xx for [") && report.contains("500 java.util."), report);
    assertFalse(report.contains("Stopped early"), report);
    UserService.Latency correct =
        PropertyExamples.http(new UserService.ConcurrentStore(), GENEROUS_LATENCY);
    assertTrue(correct.requests() >= 2_000 && correct.requests() <= 5 * 2_000,
        "every load of 1 to 5 requests was sent and measured: " + correct);
    assertTrue(correct.average().compareTo(Duration.ZERO) > 0, correct.toString());
  }

  @Test
  void theCoverAndStressSnippetsDoWhatThePageSays() throws Exception {
    AssertionError cover = assertThrows(AssertionError.class, PropertyExamples::coverShortfall);
    assertTrue(cover.getMessage().startsWith("Property held for 200 tests but not their coverage"),
        cover.getMessage());
    assertTrue(cover.getMessage().contains("  insufficient coverage: 'longer than 8' in 1.0% of"
        + " tests, below the 90.0% required\n"), cover.getMessage());
    Pair<StressResult<Integer>, java.util.concurrent.ConcurrentHashMap<Integer, Integer>> stress =
        PropertyExamples.stress();
    assertTrue(stress.first().passed(), stress.first().report());
    assertEquals(stress.first().operations(),
        stress.second().values().stream().mapToLong(Integer::longValue).sum(),
        "every check counted was one merge");
  }

  private static final String SHRUNK_QUEUE = "[t1: pop(); t2: push(0), pop()]";

  @Test
  void pageAndReadmeQuoteTheExamplesVerbatim() throws Exception {
    String source = Files.readString(SOURCE);
    String page = Files.readString(Path.of("../docs/properties.md"));
    for (String name : new String[] {"forAll", "counterexample", "forAllConcurrent",
        "forAllInterleavings", "workloads", "pattern", "cache", "queue", "http", "cover",
        "forAllStress"}) {
      String snippet = snippet(source, name);
      assertTrue(page.contains(snippet), "docs/properties.md must contain the '" + name
          + "' example exactly as compiled in " + SOURCE + ":\n" + snippet);
    }
    String jqwik = Files.readString(
        Path.of("src/test/java/dev/weft/samples/property/JqwikPropertiesTest.java"));
    assertTrue(page.contains(snippet(jqwik, "jqwik")),
        "docs/properties.md must quote JqwikPropertiesTest's first property exactly");
    assertTrue(Files.readString(Path.of("../README.md")).contains(snippet(source,
        "forAllConcurrent")), "README.md must show the forAllConcurrent example as compiled");
    assertTrue(Files.readString(Path.of("../README.md")).contains(snippet(source,
        "readmeWorkload")), "README.md must show the workload example as compiled");
  }

  private static String snippet(String source, String name) {
    String start = "// docs:" + name + "\n";
    int from = source.indexOf(start) + start.length();
    int to = source.indexOf("// end", from);
    return source.substring(from, source.lastIndexOf('\n', to)).stripIndent() + "\n";
  }
}
