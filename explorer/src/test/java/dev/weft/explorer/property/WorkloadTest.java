package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.samples.property.Counters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workloads: operations are drawn with their weights, shrink to fewer threads, then fewer
 * operations, then smaller calls; a counter that loses updates is caught under Weft and shrunk to
 * its true minimum, two threads of one add each, whose schedule replays to the identical trace; an
 * atomic counter passes every execution of the budget.
 */
class WorkloadTest {
  private static final WorkloadOperation<Object> READ = WorkloadOperation.of("read", t -> 1);
  private static final WorkloadOperation<Object> WRITE =
      WorkloadOperation.of("write", Gen.ints(1, 9), (t, n) -> n);
  private static final WorkloadOperation<Object> ADMIN = WorkloadOperation.of("admin", t -> 0);

  private static ConcurrentOperations<Object> mix() {
    return Gen.concurrentOperations().operation(0.7, READ).operation(0.2, WRITE)
        .operation(0.1, ADMIN);
  }

  @Test
  void operationsAreDrawnWithTheirWeights() {
    Gen<ConcurrentWorkload<Object>> gen = mix().threads(new ThreadDistribution(1, 8, 1, 10)).gen();
    Map<String, Integer> counts = new HashMap<>();
    int calls = 0;
    for (long seed = 0; seed < 400; seed++) {
      for (Call<Object> c : gen.sample(seed, Gen.MAX_SIZE - 1).calls()) {
        counts.merge(c.operation(), 1, Integer::sum);
        calls++;
      }
    }
    assertTrue(calls > 5_000, "enough draws to judge the weights: " + calls);
    // The seeds are fixed, so this cannot flake; the tolerance is ten standard deviations or so.
    assertEquals(0.7, counts.get("read") / (double) calls, 0.03, counts.toString());
    assertEquals(0.2, counts.get("write") / (double) calls, 0.03, counts.toString());
    assertEquals(0.1, counts.get("admin") / (double) calls, 0.03, counts.toString());
  }

  @Test
  void threadsAndOperationsStayInTheirRangesAndGrowWithTheSize() {
    ThreadDistribution d = new ThreadDistribution(2, 5, 1, 4);
    Gen<ConcurrentWorkload<Object>> gen = mix().threads(d).gen();
    int mostThreads = 0;
    int mostOperations = 0;
    for (long seed = 0; seed < 200; seed++) {
      ConcurrentWorkload<Object> small = gen.sample(seed, 0);
      assertEquals(2, small.threadCount(), "size 0 gives the fewest threads");
      assertEquals(List.of(1, 1), small.operationsPerThread());
      ConcurrentWorkload<Object> w = gen.sample(seed, 99);
      assertTrue(w.threadCount() >= 2 && w.threadCount() <= 5, w.toString());
      for (int n : w.operationsPerThread()) assertTrue(n >= 1 && n <= 4, w.toString());
      mostThreads = Math.max(mostThreads, w.threadCount());
      mostOperations = Math.max(mostOperations, w.operationsPerThread().stream()
          .mapToInt(Integer::intValue).max().orElse(0));
    }
    assertEquals(5, mostThreads);
    assertEquals(4, mostOperations);
    assertEquals(gen.sample(7, 50).toString(), gen.sample(7, 50).toString(), "same seed, same workload");
  }

  /** 0: fewer threads; 1: as many threads, fewer operations; 2: the same shape, smaller calls. */
  private static int phase(ConcurrentWorkload<?> from, ConcurrentWorkload<?> to) {
    if (to.threadCount() < from.threadCount()) return 0;
    assertEquals(from.threadCount(), to.threadCount());
    return to.calls().size() < from.calls().size() ? 1 : 2;
  }

  @Test
  void shrinksOfferFewerThreadsThenFewerOperationsThenSmallerCalls() {
    Tree<ConcurrentWorkload<Object>> tree =
        mix().threads(new ThreadDistribution(1, 4, 1, 4)).gen().tree(3, 99);
    ConcurrentWorkload<Object> w = tree.value();
    List<Integer> phases = tree.shrinks().map(t -> phase(w, t.value())).toList();
    assertEquals(phases.stream().sorted().toList(), phases, w + " shrinks in phases " + phases);
    assertEquals(List.of(0, 1, 2), phases.stream().distinct().toList(), w.toString());
  }

  @Test
  void aShrunkWorkloadHasTheFewestThreadsAndOperationsThatStillFail() {
    // Fails when two threads write: the minimum is one write in each of two threads.
    PropertyResult<ConcurrentWorkload<Object>> r = Properties
        .forAll(mix().threads(new ThreadDistribution(1, 6, 1, 6)).gen(), w -> assertTrue(
            w.threads().stream().filter(t -> t.stream().anyMatch(c -> c.operation().equals("write")))
                .count() < 2))
        .check();
    Counterexample<ConcurrentWorkload<Object>> c = r.counterexample().orElseThrow();
    assertEquals("[t1: write(1); t2: write(1)]", c.shrunk().toString());
    assertNotEquals(c.original().toString(), c.shrunk().toString());
  }

  private static final WorkloadOperation<Counters.ReadThenWrite> GET =
      WorkloadOperation.of("get", Counters.ReadThenWrite::total);
  private static final WorkloadOperation<Counters.ReadThenWrite> ADD =
      WorkloadOperation.of("add", Gen.ints(1, 5), Counters.ReadThenWrite::addAndGet);

  /** The counter must end at the sum of what the workload added. */
  private static int added(ConcurrentWorkload<?> w) {
    return w.calls().stream().filter(c -> c.operation().equals("add"))
        .mapToInt(c -> (Integer) c.argument()).sum();
  }

  @Test
  void aLostUpdateIsShrunkToTwoThreadsOfOneAddAndReplaysToTheIdenticalTrace() {
    ForAllWorkloads<Counters.ReadThenWrite> property = Properties
        .forAllWorkloads(Gen.<Counters.ReadThenWrite>concurrentOperations()
                .operation(0.7, GET).operation(0.3, ADD)
                .threads(new ThreadDistribution(1, 4, 1, 4)).gen(),
            Counters.ReadThenWrite::new,
            (w, trace) -> assertEquals(added(w), trace.finalState().total(), "total"))
        .withOptions(Options.builder().iterations(100).testName("workload-lost-update").build());
    WorkloadResult<Counters.ReadThenWrite> r = property.check();

    assertFalse(r.passed());
    Counterexample<ConcurrentWorkload<Counters.ReadThenWrite>> c = r.counterexample().orElseThrow();
    // One thread cannot lose an update, and one add per thread is the fewest that can.
    assertEquals("[t1: add(1); t2: add(1)]", c.shrunk().toString());
    assertEquals(2, c.shrunk().threadCount());
    assertEquals(List.of(1, 1), c.shrunk().operationsPerThread());
    assertTrue(c.original().calls().size() > 2, "shrunk from " + c.original());
    assertTrue(c.shrinkSteps() > 0);

    InterleavingResult<Counters.ReadThenWrite> failing = r.failure().orElseThrow();
    assertEquals(Outcome.returned(List.of(1)), failing.threadResults().get("t1"));
    assertEquals(Outcome.returned(List.of(1)), failing.threadResults().get("t2"),
        "both read 0 and wrote 1");
    String schedule = failing.failure().orElseThrow().schedule();
    ScenarioExecution<Counters.ReadThenWrite> again =
        property.interleavings(c.shrunk()).executeInterleaving(schedule);
    assertEquals(ReplayResult.Status.REPRODUCED, again.replay().status(), again.replay().message());
    assertEquals(failing.failure().get().trace(), again.replay().trace());
    assertEquals(1, again.trace().orElseThrow().finalState().total());

    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().startsWith("Failed at workload " + r.tests() + " ("), e.getMessage());
    assertTrue(e.getMessage().contains("  counterexample: [t1: add(1); t2: add(1)] (2 threads,"
        + " [1, 1] operations)\n"), e.getMessage());
    assertTrue(e.getMessage().contains("property.interleavings(counterexample)"
        + ".executeInterleaving(\"" + schedule + "\")"), e.getMessage());
  }

  @Test
  void anAtomicCounterPassesEveryExecutionOfTheBudget() {
    WorkloadResult<Counters.Atomic> r = Properties
        .forAllWorkloads(Gen.<Counters.Atomic>concurrentOperations()
                .operation(0.7, WorkloadOperation.of("get", Counters.Atomic::total))
                .operation(0.3, WorkloadOperation.of("add", Gen.ints(1, 5),
                    Counters.Atomic::addAndGet))
                .gen(),
            Counters.Atomic::new,
            (w, trace) -> assertEquals(added(w), trace.finalState().total(), "total"))
        .withTests(6)
        .withOptions(Options.builder().iterations(40).testName("workload-atomic").build())
        .check();
    r.assertHolds();
    assertEquals(6, r.tests());
    assertEquals(6 * 40, r.executions(), "every workload ran its whole budget");
  }

  @Test
  void badWorkloadsAreRefusedSayingWhatIsWrong() {
    assertEquals("operation 'read' needs a positive, finite weight, was 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> Gen.concurrentOperations().operation(0, READ)).getMessage());
    assertEquals("operation 'read' needs a positive, finite weight, was NaN",
        assertThrows(IllegalArgumentException.class,
            () -> Gen.concurrentOperations().operation(Double.NaN, READ)).getMessage());
    assertEquals("the workload has an operation named 'read' already; give each operation its"
        + " own name", assertThrows(IllegalArgumentException.class,
            () -> mix().operation(1, READ)).getMessage());
    assertEquals("a workload needs operations: add them with operation(weight,"
        + " WorkloadOperation.of(name, action)) before gen()",
        assertThrows(IllegalStateException.class, () -> Gen.concurrentOperations().gen())
            .getMessage());
    assertEquals("ThreadDistribution needs 1 <= min <= max threads, was 3 to 2",
        assertThrows(IllegalArgumentException.class, () -> new ThreadDistribution(3, 2, 1, 1))
            .getMessage());
    assertEquals("ThreadDistribution needs 1 <= min <= max operations per thread, was 0 to 2",
        assertThrows(IllegalArgumentException.class, () -> new ThreadDistribution(1, 2, 0, 2))
            .getMessage());
    assertEquals("a workload operation needs a name, was ' '",
        assertThrows(IllegalArgumentException.class, () -> WorkloadOperation.of(" ", t -> 1))
            .getMessage());
  }
}
