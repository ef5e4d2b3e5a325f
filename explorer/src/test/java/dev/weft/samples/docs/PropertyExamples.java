package dev.weft.samples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.property.ConcurrentScenario;
import dev.weft.explorer.property.Call;
import dev.weft.explorer.property.ConcurrentPattern;
import dev.weft.explorer.property.ConcurrentWorkload;
import dev.weft.explorer.property.ExecutionTrace;
import dev.weft.explorer.property.ForAllWorkloads;
import dev.weft.explorer.property.ConcurrentTestResult;
import dev.weft.explorer.property.Gen;
import dev.weft.explorer.property.InterleavingResult;
import dev.weft.explorer.property.Pair;
import dev.weft.explorer.property.PropertyResult;
import dev.weft.explorer.property.Properties;
import dev.weft.explorer.property.SchedulingStrategy;
import dev.weft.explorer.property.StressResult;
import dev.weft.explorer.property.ThreadDistribution;
import dev.weft.explorer.property.WorkloadOperation;
import dev.weft.explorer.property.WorkloadResult;
import dev.weft.samples.property.Banks;
import dev.weft.samples.property.Buffers;
import dev.weft.samples.property.Caches;
import dev.weft.samples.property.Counters;
import dev.weft.samples.property.Queues;
import dev.weft.samples.property.UserService;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The examples of docs/properties.md, compiled here and run by PropertyDocsTest; the code between
 * a {@code // docs:NAME} marker and {@code // end} must appear verbatim on the page.
 */
public final class PropertyExamples {
  private PropertyExamples() {}

  static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  public static PropertyResult<List<Integer>> reverse() {
    // docs:forAll
    PropertyResult<List<Integer>> result = Properties
        .forAll(Gen.lists(Gen.ints(-100, 100), 0, 20), (list, ctx) -> {
          ctx.classify("empty", list.isEmpty());
          ctx.collect("length", list.size() / 5 * 5);
          assertEquals(list, reversed(reversed(list)));
        })
        .withTests(1_000).withParallelThreads(2)
        .check();
    result.assertHolds(); // AssertionError: the shrunk input, its error, the seed, the labels
    // end
    return result;
  }

  /** A coverage requirement that generated lists cannot meet: throws with the shortfall. */
  public static void coverShortfall() {
    // docs:cover
    Properties.forAll(Gen.lists(Gen.ints(0, 9), 0, 10), list -> { })
        .cover(5, "empty", List::isEmpty)
        .cover(90, "longer than 8", list -> list.size() > 8)
        .withTests(200).check().assertHolds();
    // end
  }

  public static PropertyResult<List<Integer>> sortedFails() {
    // docs:counterexample
    PropertyResult<List<Integer>> result = Properties
        .forAll(Gen.lists(Gen.ints(0, 100), 0, 20), list ->
            assertEquals(list.stream().sorted().toList(), list, "not sorted"))
        .check();
    // result.counterexample().get().shrunk() is [1, 0]
    // end
    return result;
  }

  public static ConcurrentTestResult<Integer, Integer> lostUpdate() {
    // docs:forAllConcurrent
    ConcurrentTestResult<Integer, Integer> result = Properties
        .forAllConcurrent(Gen.ints(1, 50), 2, Counters.ReadThenWrite::new,
            Counters.ReadThenWrite::addAndGet)
        .withTests(10)
        .withOptions(Options.builder().strategy(StrategyKind.RANDOM).iterations(200).build())
        .check();
    result.assertDeterministic(); // AssertionError: input 1, outcomes [1, 2] vs [1, 1], trace
    // end
    return result;
  }

  public static InterleavingResult<Banks.Unlocked> bank() {
    // docs:forAllInterleavings
    ConcurrentScenario<Banks.Unlocked> scenario = ConcurrentScenario
        .setup(() -> new Banks.Unlocked(100, 100))
        .thread("a-to-b", bank -> bank.transfer(0, 1, 60))
        .thread("b-to-a", bank -> bank.transfer(1, 0, 30))
        .thread("audit", Banks.Unlocked::total).after("a-to-b", "b-to-a")
        .invariant("total is 200", bank -> bank.total() == 200)
        .invariant("no account negative", Banks.Unlocked::noneNegative);
    InterleavingResult<Banks.Unlocked> result = Properties
        .forAllInterleavings(scenario, trace -> assertEquals(200, trace.<Integer>result("audit")))
        .withStrategy(SchedulingStrategy.SYSTEMATIC)
        .check();
    result.assertHolds(); // AssertionError: invariant 'total is 200' failed, the trace, the replay
    // end
    return result;
  }

  public static Gen<ConcurrentWorkload<Counters.Atomic>> workloads() {
    // docs:workloads
    WorkloadOperation<Counters.Atomic> read = WorkloadOperation.of("get", Counters.Atomic::total);
    WorkloadOperation<Counters.Atomic> write =
        WorkloadOperation.of("add", Gen.ints(1, 5), Counters.Atomic::addAndGet);
    WorkloadOperation<Counters.Atomic> admin = WorkloadOperation.of("reset", Counters.Atomic::reset);
    Gen<ConcurrentWorkload<Counters.Atomic>> workloads = Gen.<Counters.Atomic>concurrentOperations()
        .operation(0.7, read).operation(0.2, write).operation(0.1, admin)
        .threads(new ThreadDistribution(2, 4, 1, 5)) // threads, then operations per thread
        .gen();
    // end
    return workloads;
  }

  /** Eight threads put the same entry; run with a broken cache and with a correct one. */
  public static ConcurrentTestResult<Pair<String, String>, String> cache(
      Supplier<Caches.Cache> cache) {
    // docs:cache
    ConcurrentTestResult<Pair<String, String>, String> result = Properties
        .forAllConcurrent(Gen.zip(Gen.strings("abc", 1, 3), Gen.strings("xyz", 1, 3)), 8, cache,
            (Caches.Cache c, Pair<String, String> e) -> c.putIfAbsent(e.first(), e.second()))
        .withTests(3)
        .withOptions(Options.builder().strategy(StrategyKind.RANDOM).iterations(50).build())
        .check();
    // Caches.CheckThenAct: two threads both find the key absent, so two get null, not one.
    // Caches.Concurrent (a ConcurrentHashMap): deterministic over all 150 executions.
    // end
    return result;
  }

  /** Items popped, over every thread: a push returns null and a pop an item, or null when empty. */
  static long popped(ExecutionTrace<Queues.IntQueue> trace) {
    return trace.operations().stream()
        .flatMap(o -> ((List<?>) o.outcome().value()).stream())
        .filter(Integer.class::isInstance).count();
  }

  /** Generated pushes and pops at once; run with a broken queue and with a correct one. */
  public static WorkloadResult<Queues.IntQueue> queue(Supplier<Queues.IntQueue> queue) {
    // docs:queue
    WorkloadOperation<Queues.IntQueue> push =
        WorkloadOperation.of("push", Gen.ints(0, 9), (q, item) -> {
          q.push(item);
          return null;
        });
    WorkloadOperation<Queues.IntQueue> pop = WorkloadOperation.of("pop", Queues.IntQueue::pop);
    WorkloadResult<Queues.IntQueue> result = Properties
        .forAllWorkloads(Gen.<Queues.IntQueue>concurrentOperations()
                .operation(0.5, push).operation(0.5, pop)
                .threads(new ThreadDistribution(2, 3, 1, 4)).gen(),
            queue,
            (workload, trace) -> {
              long pushes = workload.calls().stream().filter(c -> c.operation().equals("push"))
                  .count();
              assertTrue(pushes >= popped(trace), "pushes >= pops");
            })
        .withTests(10)
        .withOptions(Options.builder().iterations(100).build())
        .check();
    // Queues.BrokenMichaelScott: two pops take the same item, shrunk to 2 threads, 3 operations.
    // Queues.Jdk (a ConcurrentLinkedQueue): holds over all 1,000 executions.
    // end
    return result;
  }

  /** Results of one operation over every thread: the trace's per-thread lists of call results. */
  static java.util.stream.Stream<Object> results(ExecutionTrace<?> trace, String operation,
      ConcurrentWorkload<?> workload) {
    return java.util.stream.IntStream.range(0, workload.threadCount()).boxed().flatMap(t -> {
      List<?> results = trace.result(ConcurrentWorkload.threadName(t));
      List<? extends Call<?>> calls = workload.threads().get(t);
      return java.util.stream.IntStream.range(0, results.size())
          .filter(i -> calls.get(i).operation().equals(operation)).mapToObj(results::get);
    });
  }

  /** Producers offer, consumers poll; run with a check-then-act buffer and with a locked one. */
  public static ForAllWorkloads<Buffers.Buffer> producerConsumer(
      Supplier<Buffers.Buffer> buffer) {
    // docs:pattern
    WorkloadOperation<Buffers.Buffer> produce =
        WorkloadOperation.of("produce", Gen.ints(0, 9), Buffers.Buffer::offer);
    WorkloadOperation<Buffers.Buffer> consume =
        WorkloadOperation.of("consume", Buffers.Buffer::poll);
    ForAllWorkloads<Buffers.Buffer> property = Properties
        .forAllWorkloads(Gen.<Buffers.Buffer>concurrentPattern(ConcurrentPattern.PRODUCER_CONSUMER)
                .role("producer", produce).role("consumer", consume)
                .threads(new ThreadDistribution(1, 2, 1, 3)) // threads per role, calls per thread
                .gen(),
            buffer,
            (workload, trace) -> {
              long offered = results(trace, "produce", workload).filter(Boolean.TRUE::equals)
                  .count();
              long taken = results(trace, "consume", workload).filter(Integer.class::isInstance)
                  .count();
              assertEquals(offered, taken + trace.finalState().size(), "no item lost or doubled");
            })
        .withTests(10)
        .withOptions(Options.builder().iterations(100).build());
    // property.check() with Buffers.CheckThenAct: fails, shrunk to [t1: produce(0), produce(0);
    // t2: consume()].
    // With Buffers.Locked: holds over all 1,000 executions.
    // end
    return property;
  }

  /** The README's workload: generated adds on a counter that loses updates. */
  public static WorkloadResult<Counters.ReadThenWrite> lostUpdateWorkload() {
    // docs:readmeWorkload
    WorkloadOperation<Counters.ReadThenWrite> add =
        WorkloadOperation.of("add", Gen.ints(1, 5), Counters.ReadThenWrite::addAndGet);
    WorkloadResult<Counters.ReadThenWrite> result = Properties
        .forAllWorkloads(Gen.<Counters.ReadThenWrite>concurrentOperations()
                .operation(1.0, add).gen(), // 2 to 4 threads of 1 to 5 adds, by default
            Counters.ReadThenWrite::new,
            (workload, trace) -> assertEquals(
                workload.calls().stream().mapToInt(c -> (Integer) c.argument()).sum(),
                trace.finalState().total()))
        .check();
    result.assertHolds(); // AssertionError: shrunk to [t1: add(1); t2: add(1)], the schedule
    // end
    return result;
  }

  /**
   * The weighted HTTP load on the users service with a given store: 2,000 loads on 4 threads; no
   * 5xx, then an average latency under the bound. Returns the requests sent and their latency.
   */
  public static UserService.Latency http(UserService.Store store, Duration maxAverageLatency)
      throws IOException, InterruptedException {
    // docs:http
    Gen<String> names = Gen.strings("abc", 1, 5);
    Gen<String> user = Gen.ints(1, 1_000).map(id -> "/" + id);
    Gen<UserService.Request> requests = Gen.frequency(
        Gen.weighted(6, Gen.constant(new UserService.Request("GET", "", ""))),
        Gen.weighted(2, names.map(n -> new UserService.Request("POST", "", n))),
        Gen.weighted(1, Gen.zip(user, names, (u, n) -> new UserService.Request("PUT", u, n))),
        Gen.weighted(1, user.map(u -> new UserService.Request("DELETE", u, ""))));
    try (UserService service = UserService.start(store)) {
      StressResult<List<UserService.Request>> result = Properties
          .forAllStress(Gen.lists(requests, 1, 5), Duration.ofMinutes(5), load -> {
            List<UserService.Response> responses = service.send(load);
            assertTrue(responses.stream().allMatch(r -> r.status() < 500),
                () -> "a 5xx for " + load + ": " + responses);
          })
          .withThreads(4)
          .withOperations(2_000) // loads; the 5 minutes only guard against a hang
          .check();
      result.assertHolds(); // AssertionError: the loads that got a 5xx, and their responses
      UserService.Latency latency = service.latency(); // of every request sent
      assertTrue(latency.average().compareTo(maxAverageLatency) < 0, latency::toString);
      return latency;
    }
    // UnsafeStore (a HashMap): GET /users lists while a POST adds, and answers 500.
    // ConcurrentStore (a ConcurrentHashMap): no 5xx in any of the 2,000 loads.
    // end
  }

  /** Merges on real threads for a second; returns the result and the counts it merged. */
  public static Pair<StressResult<Integer>, ConcurrentHashMap<Integer, Integer>> stress()
      throws InterruptedException {
    // docs:forAllStress
    ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();
    StressResult<Integer> result = Properties
        .forAllStress(Gen.ints(0, 20), Duration.ofSeconds(1),
            key -> assertTrue(counts.merge(key, 1, Integer::sum) >= 1))
        .withThreads(4)
        .check();
    result.assertHolds(); // AssertionError: the failures, or the stuck threads' stacks
    // end
    return new Pair<>(result, counts);
  }
}
