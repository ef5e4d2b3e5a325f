package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.samples.docs.PropertyExamples;
import dev.weft.samples.property.Buffers;
import dev.weft.samples.property.Counters;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent patterns: every generated workload, and every shrink of one, has its pattern's roles
 * in their ranges; a role without an operation is refused by name; a check-then-act bounded buffer
 * is caught as a producer/consumer workload, shrunk to one producer of two calls and one
 * consumer of one, and replayed; a locked buffer passes the whole budget. The explorer runs the
 * other shapes too: adds that lose updates are caught in each, shrunk to the fewest calls the shape
 * allows and replayed, and atomic adds pass the whole budget.
 */
class PatternTest {
  private static WorkloadOperation<Object> op(String name) {
    return WorkloadOperation.of(name, Gen.ints(0, 9), (t, n) -> n);
  }

  private static final ThreadDistribution D = new ThreadDistribution(1, 3, 1, 4);

  /** The pattern's generator, with an operation named as each role (and stage1, stage2, stage3). */
  private static Gen<ConcurrentWorkload<Object>> gen(ConcurrentPattern pattern) {
    PatternOperations<Object> p = Gen.concurrentPattern(pattern);
    if (pattern == ConcurrentPattern.PIPELINE) {
      p = p.role("stage", op("stage1")).role("stage", op("stage2")).role("stage", op("stage3"));
    } else {
      for (String role : pattern.roleNames()) p = p.role(role, op(role));
    }
    return p.threads(D).gen();
  }

  /** The operation of each thread, in order; a thread calls only its role's operation. */
  private static List<String> roles(ConcurrentWorkload<?> w) {
    return w.threads().stream().map(calls -> {
      String role = calls.get(0).operation();
      assertTrue(calls.stream().allMatch(c -> c.operation().equals(role)), w.toString());
      return role;
    }).toList();
  }

  private static boolean many(List<String> roles, String role, int at, int most) {
    long n = roles.stream().filter(role::equals).count();
    return n >= at && n <= most;
  }

  /** Whether {@code w} has the shape of {@code pattern} with {@link #D}. */
  private static boolean valid(ConcurrentPattern pattern, ConcurrentWorkload<?> w) {
    List<String> roles = roles(w);
    boolean calls = w.operationsPerThread().stream().allMatch(n -> n >= 1 && n <= 4);
    return calls && switch (pattern) {
      case PRODUCER_CONSUMER -> roles.equals(roles.stream().sorted(java.util.Comparator.reverseOrder()).toList())
          && many(roles, "producer", 1, 3) && many(roles, "consumer", 1, 3)
          && roles.size() == roles.stream().filter(List.of("producer", "consumer")::contains).count();
      case READERS_WRITERS -> roles.equals(roles.stream().sorted().toList())
          && many(roles, "reader", 1, 3) && many(roles, "writer", 1, 3)
          && roles.size() == roles.stream().filter(List.of("reader", "writer")::contains).count();
      case FAN_OUT_FAN_IN -> roles.get(0).equals("submitter") && many(roles, "submitter", 1, 1)
          && many(roles, "worker", 1, 3) && roles.get(roles.size() - 1).equals("collector")
          && many(roles, "collector", 1, 1) && w.threads().get(roles.size() - 1).size() == 1
          && roles.size() == roles.stream().filter(
              List.of("submitter", "worker", "collector")::contains).count();
      case PIPELINE -> roles.equals(List.of("stage1", "stage2", "stage3"));
    };
  }

  @Test
  void everyPatternGivesItsRolesInTheirRangesOverManySeeds() {
    for (ConcurrentPattern pattern : ConcurrentPattern.values()) {
      Gen<ConcurrentWorkload<Object>> gen = gen(pattern);
      int most = 0;
      for (long seed = 0; seed < 300; seed++) {
        for (int size : new int[] {0, 50, Gen.MAX_SIZE - 1}) {
          ConcurrentWorkload<Object> w = gen.sample(seed, size);
          assertTrue(valid(pattern, w), pattern + ": " + w);
          most = Math.max(most, w.calls().size());
        }
      }
      assertTrue(most > pattern.roleNames().size() + 2, pattern + " grows: " + most);
    }
  }

  @Test
  void everyShrinkKeepsTheShapeAndTheSmallestIsOneCallPerRoleThread() {
    for (ConcurrentPattern pattern : ConcurrentPattern.values()) {
      for (long seed = 0; seed < 20; seed++) {
        Tree<ConcurrentWorkload<Object>> tree = gen(pattern).tree(seed, Gen.MAX_SIZE - 1);
        tree.shrinks().forEach(t -> assertTrue(valid(pattern, t.value()), pattern + ": "
            + tree.value() + " shrank to " + t.value()));
        // Always taking the first shrink reaches the smallest valid shape of the pattern.
        Tree<ConcurrentWorkload<Object>> smallest = tree;
        for (var next = smallest.shrinks().findFirst(); next.isPresent();
            next = smallest.shrinks().findFirst()) {
          smallest = next.get();
          assertTrue(valid(pattern, smallest.value()), pattern + ": " + smallest.value());
        }
        int threads = pattern == ConcurrentPattern.PIPELINE ? 3 : pattern.roleNames().size();
        assertEquals(threads, smallest.value().threadCount(), smallest.value().toString());
        assertTrue(smallest.value().calls().stream().allMatch(c -> c.argument().equals(0)),
            smallest.value().toString());
        assertEquals(threads, smallest.value().calls().size(), smallest.value().toString());
      }
    }
  }

  @Test
  void aPatternWithoutAnOperationForARoleIsRefusedByName() {
    IllegalStateException missing = assertThrows(IllegalStateException.class, () ->
        Gen.concurrentPattern(ConcurrentPattern.PRODUCER_CONSUMER).role("producer", op("p")).gen());
    assertTrue(missing.getMessage().contains("PRODUCER_CONSUMER needs an operation for role"
        + " 'consumer'"), missing.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () ->
        Gen.concurrentPattern(ConcurrentPattern.READERS_WRITERS).role("producer", op("p")));
    assertEquals("READERS_WRITERS has the roles [reader, writer], not 'producer'",
        unknown.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () ->
        Gen.concurrentPattern(ConcurrentPattern.FAN_OUT_FAN_IN).role("worker", op("a"))
            .role("worker", op("b")));
    assertTrue(twice.getMessage().contains("role 'worker' already"), twice.getMessage());
    IllegalStateException oneStage = assertThrows(IllegalStateException.class, () ->
        Gen.concurrentPattern(ConcurrentPattern.PIPELINE).role("stage", op("s")).gen());
    assertTrue(oneStage.getMessage().contains("PIPELINE needs at least 2 stages, was 1"),
        oneStage.getMessage());
  }

  @Test
  void aCheckThenActBufferIsShrunkToTheFewestCallsThatFailAndReplays() {
    ForAllWorkloads<Buffers.Buffer> property =
        PropertyExamples.producerConsumer(Buffers.CheckThenAct::new);
    WorkloadResult<Buffers.Buffer> r = property.check();
    assertFalse(r.passed());
    Counterexample<ConcurrentWorkload<Buffers.Buffer>> c = r.counterexample().orElseThrow();
    ConcurrentWorkload<Buffers.Buffer> shrunk = c.shrunk();
    // The shape keeps a producer and a consumer, and one call each cannot fail: the consumer sees
    // the item only once the producer has counted it. A second produce lets the consumer take the
    // first item while the producer counts the second on a stale count, so an item is lost.
    assertEquals("[t1: produce(0), produce(0); t2: consume()]", shrunk.toString(), r.report());
    assertTrue(c.original().calls().size() > shrunk.calls().size(), "shrunk from " + c.original());

    String schedule = r.failure().orElseThrow().failure().orElseThrow().schedule();
    ScenarioExecution<Buffers.Buffer> again =
        property.interleavings(shrunk).executeInterleaving(schedule);
    assertEquals(ReplayResult.Status.REPRODUCED, again.replay().status(), again.replay().message());
    assertEquals(r.failure().get().failure().get().trace(), again.replay().trace());
  }

  @Test
  void aLockedBufferPassesTheWholeBudget() {
    WorkloadResult<Buffers.Buffer> r =
        PropertyExamples.producerConsumer(Buffers.Locked::new).check();
    r.assertHolds();
    assertEquals(10 * 100, r.executions(), "the whole budget ran");
  }

  /**
   * Every role of {@code pattern} adds to a counter, but a reader and a collector, which read it;
   * the check: the final total is the sum of the adds. Two threads of 1 to 2 calls per role that may
   * have many, pipelines of two stages.
   */
  private static <C> ForAllWorkloads<C> addsIn(ConcurrentPattern pattern, Supplier<C> counter,
      WorkloadOperation.WithArgument<C, Integer> add, ConcurrentScenario.Operation<C> read,
      ToIntFunction<C> total) {
    WorkloadOperation<C> adds = WorkloadOperation.of("add", Gen.ints(1, 3), add);
    WorkloadOperation<C> reads = WorkloadOperation.of("read", read);
    PatternOperations<C> p = Gen.concurrentPattern(pattern);
    p = switch (pattern) {
      case READERS_WRITERS -> p.role("reader", reads).role("writer", adds);
      case FAN_OUT_FAN_IN -> p.role("submitter", adds).role("worker", adds)
          .role("collector", reads);
      case PIPELINE -> p.role("stage", adds).role("stage", adds);
      case PRODUCER_CONSUMER -> throw new IllegalArgumentException("the buffer tests cover it");
    };
    return Properties.forAllWorkloads(p.threads(new ThreadDistribution(1, 2, 1, 2)).gen(),
            counter, (workload, trace) -> assertEquals(
                workload.calls().stream().filter(c -> c.operation().equals("add"))
                    .mapToInt(c -> (Integer) c.argument()).sum(),
                total.applyAsInt(trace.finalState()), "the total is the sum of the adds"))
        .withTests(10)
        .withOptions(Options.builder().iterations(100).testName("pattern-" + pattern).build());
  }

  /** The fewest calls that can lose an add in each shape: two adds on two threads, args 1. */
  private static String fewestThatLoseAnAdd(ConcurrentPattern pattern) {
    return switch (pattern) {
      case READERS_WRITERS -> "[t1: read(); t2: add(1); t3: add(1)]";
      case FAN_OUT_FAN_IN -> "[t1: add(1); t2: add(1); t3: read()]";
      default -> "[t1: add(1); t2: add(1)]";
    };
  }

  @ParameterizedTest
  @EnumSource(value = ConcurrentPattern.class, names = {"READERS_WRITERS", "FAN_OUT_FAN_IN",
      "PIPELINE"})
  void theExplorerRunsEveryShapeCatchingALostAddAndReplayingIt(ConcurrentPattern pattern) {
    ForAllWorkloads<Counters.ReadThenWrite> property = addsIn(pattern,
        Counters.ReadThenWrite::new, Counters.ReadThenWrite::addAndGet,
        Counters.ReadThenWrite::total, Counters.ReadThenWrite::total);
    WorkloadResult<Counters.ReadThenWrite> r = property.check();
    assertFalse(r.passed(), r.report());
    ConcurrentWorkload<Counters.ReadThenWrite> shrunk = r.counterexample().orElseThrow().shrunk();
    assertEquals(fewestThatLoseAnAdd(pattern), shrunk.toString(), r.report());
    String schedule = r.failure().orElseThrow().failure().orElseThrow().schedule();
    ScenarioExecution<Counters.ReadThenWrite> again =
        property.interleavings(shrunk).executeInterleaving(schedule);
    assertEquals(ReplayResult.Status.REPRODUCED, again.replay().status(), again.replay().message());
    assertEquals(r.failure().get().failure().get().trace(), again.replay().trace());
    assertEquals(1, again.trace().orElseThrow().finalState().total(), "one add of 1 was lost");
  }

  @ParameterizedTest
  @EnumSource(value = ConcurrentPattern.class, names = {"READERS_WRITERS", "FAN_OUT_FAN_IN",
      "PIPELINE"})
  void anAtomicCounterHoldsInEveryShapeOverTheWholeBudget(ConcurrentPattern pattern) {
    WorkloadResult<Counters.Atomic> r = addsIn(pattern, Counters.Atomic::new,
        Counters.Atomic::addAndGet, Counters.Atomic::total, Counters.Atomic::total).check();
    r.assertHolds();
    assertEquals(10 * 100, r.executions(), "the whole budget ran");
  }
}
