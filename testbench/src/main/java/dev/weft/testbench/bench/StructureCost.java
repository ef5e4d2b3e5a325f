package dev.weft.testbench.bench;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What opening up the JDK's lock-free structures ({@code Options.openJdkStructures}) costs, a
 * benchmark, not a test. Per structure, two programs, each explored closed and opened:
 *
 * <ul>
 *   <li>one thread making {@value #CALLS} calls ({@link #calls}), once: the steps it takes, so the
 *       steps per call, exactly (no other thread, so no retried compare-and-set);
 *   <li>two threads making those calls on one instance, {@link #EXECUTIONS} executions of random
 *       walk: executions per second and the longest execution, in steps.
 * </ul>
 *
 * <pre>
 * testbench/bench.sh structures
 * </pre>
 */
public final class StructureCost {
  static final int CALLS = 8;
  static final int EXECUTIONS = 2_000;

  private StructureCost() {}

  /** A structure, and the calls one thread makes on it: adds, removals and reads, in turn. */
  private record Structure<T>(String name, Supplier<T> fresh, Consumer<T> calls) {}

  private static final List<Structure<?>> STRUCTURES = List.of(
      new Structure<ConcurrentLinkedDeque<Integer>>("ConcurrentLinkedDeque",
          ConcurrentLinkedDeque::new, d -> {
            d.addFirst(1);
            d.addLast(2);
            d.peekLast();
            d.pollFirst();
            d.addFirst(3);
            d.peekFirst();
            d.pollLast();
            d.pollFirst();
          }),
      new Structure<Queue<Integer>>("ConcurrentLinkedQueue", ConcurrentLinkedQueue::new, q -> {
        q.offer(1);
        q.offer(2);
        q.peek();
        q.poll();
        q.offer(3);
        q.peek();
        q.poll();
        q.poll();
      }),
      new Structure<Map<Integer, Integer>>("ConcurrentHashMap", ConcurrentHashMap::new,
          StructureCost::mapCalls),
      new Structure<Map<Integer, Integer>>("ConcurrentSkipListMap", ConcurrentSkipListMap::new,
          StructureCost::mapCalls));

  private static void mapCalls(Map<Integer, Integer> m) {
    m.put(1, 1);
    m.put(2, 2);
    m.get(1);
    m.remove(1);
    m.putIfAbsent(2, 3);
    m.get(2);
    m.remove(2);
    m.get(1);
  }

  public static void main(String[] args) {
    System.out.println(Machine.describe() + "; load " + LinearizabilityBench.load());
    // A first pass, not shown, so that neither setting of the first structure runs cold.
    for (Structure<?> s : STRUCTURES) row(s);
    System.out.println();
    System.out.println("| structure | steps per call, closed | opened | executions / s (2 threads),"
        + " closed | opened | opened / closed | longest execution (steps), closed | opened |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Structure<?> s : STRUCTURES) System.out.println(row(s));
    System.out.println("load after " + LinearizabilityBench.load());
  }

  private static <T> String row(Structure<T> s) {
    Body alone = () -> s.calls().accept(s.fresh().get());
    Body pair = () -> {
      T shared = s.fresh().get();
      Thread a = new Thread(() -> s.calls().accept(shared));
      Thread b = new Thread(() -> s.calls().accept(shared));
      a.start();
      b.start();
      a.join();
      b.join();
    };
    double closedPerCall = stepsPerCall(alone, false);
    double openedPerCall = stepsPerCall(alone, true);
    ExplorationResult closed = explore(pair, false, EXECUTIONS);
    ExplorationResult opened = explore(pair, true, EXECUTIONS);
    return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.0f | %.2f | %d | %d |",
        s.name(), closedPerCall, openedPerCall, closed.executionsPerSecond(),
        opened.executionsPerSecond(), opened.executionsPerSecond() / closed.executionsPerSecond(),
        closed.statistics().maxSteps(), opened.statistics().maxSteps());
  }

  /** Steps of one execution of {@code alone}, per call it makes. */
  private static double stepsPerCall(Body alone, boolean opened) {
    return explore(alone, opened, 1).statistics().maxSteps() / (double) CALLS;
  }

  private static ExplorationResult explore(Body body, boolean opened, int executions) {
    ExplorationResult r = Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.RANDOM)
        .iterations(executions).seed(1).openJdkStructures(opened).testName("structure-cost")
        .build(), body);
    if (r.failure().isPresent()) throw new IllegalStateException(r.failure().get().report());
    return r;
  }
}
