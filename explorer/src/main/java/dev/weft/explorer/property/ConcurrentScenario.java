package dev.weft.explorer.property;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Weft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Named threads, each running one operation on a state that {@code setup} makes afresh for every
 * execution, with invariants over what they leave. Check it over interleavings with {@link
 * Properties#forAllInterleavings}.
 *
 * <pre>{@code
 * ConcurrentScenario<Bank> scenario = ConcurrentScenario.setup(() -> new Bank(100, 100))
 *     .thread("a-to-b", bank -> bank.transfer(0, 1, 60))
 *     .thread("b-to-a", bank -> bank.transfer(1, 0, 30))
 *     .thread("audit", Bank::total).after("a-to-b", "b-to-a")
 *     .invariant("total is 200", bank -> bank.total() == 200);
 * }</pre>
 *
 * <p>In each execution the threads start in an order where every thread comes after those it waits
 * for ({@link #after}), otherwise in declaration order; a thread that waits joins them first, so
 * its operation happens after theirs ended. After every thread ended, the invariants are checked in
 * declaration order on the {@link ExecutionTrace}: the first that does not hold fails the
 * execution, as any Weft failure, with a trace and a schedule. An operation that throws does not
 * fail the execution by itself: its {@link Outcome} says what it threw, for invariants to judge.
 *
 * <p>Public API since 0.2. Immutable: every method returns a new scenario, so one may be extended
 * in several ways and shared between threads. Names are checked when added; what {@link #after}
 * names and dependency cycles are checked when the scenario is run.
 */
public final class ConcurrentScenario<S> {
  /** One thread's operation on the state: its result is recorded in the trace. */
  @FunctionalInterface
  public interface Operation<S> {
    Object apply(S state) throws Exception;
  }

  private final Supplier<? extends S> setup;
  private final List<ScenarioThread<S>> threads;
  private final List<Invariant<S>> invariants;

  private ConcurrentScenario(Supplier<? extends S> setup, List<ScenarioThread<S>> threads,
      List<Invariant<S>> invariants) {
    this.setup = setup;
    this.threads = List.copyOf(threads);
    this.invariants = List.copyOf(invariants);
  }

  /** A scenario without threads yet whose executions each start from a fresh {@code setup.get()}. */
  public static <S> ConcurrentScenario<S> setup(Supplier<? extends S> setup) {
    return new ConcurrentScenario<>(Objects.requireNonNull(setup, "setup"), List.of(), List.of());
  }

  /**
   * Adds a thread named {@code name} that runs {@code operation} once.
   *
   * @throws IllegalArgumentException when another thread has that name, or it is blank
   */
  public ConcurrentScenario<S> thread(String name, Operation<? super S> operation) {
    Objects.requireNonNull(operation, "operation");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a scenario thread needs a name, was '" + name + "'");
    }
    if (indexOf(name) >= 0) {
      throw new IllegalArgumentException("the scenario has a thread named '" + name
          + "' already; give each thread its own name");
    }
    List<ScenarioThread<S>> more = new ArrayList<>(threads);
    more.add(new ScenarioThread<>(name, operation, List.of()));
    return new ConcurrentScenario<>(setup, more, invariants);
  }

  /**
   * The thread added last starts its operation only after the operations of the threads named
   * {@code names} ended. They may be declared later; unknown names and cycles are refused when the
   * scenario is run.
   *
   * @throws IllegalStateException when no thread was added yet
   */
  public ConcurrentScenario<S> after(String... names) {
    if (threads.isEmpty()) {
      throw new IllegalStateException("after(" + String.join(", ", names) + ") says when the"
          + " thread added last starts: add a thread(...) before it");
    }
    List<ScenarioThread<S>> changed = new ArrayList<>(threads);
    ScenarioThread<S> last = changed.remove(changed.size() - 1);
    List<String> after = new ArrayList<>(last.after());
    for (String n : names) after.add(Objects.requireNonNull(n, "name"));
    changed.add(new ScenarioThread<>(last.name(), last.operation(), after));
    return new ConcurrentScenario<>(setup, changed, invariants);
  }

  /** Adds an invariant that must hold of the final state, named for the failure message. */
  public ConcurrentScenario<S> invariant(String name, Predicate<? super S> holds) {
    Objects.requireNonNull(holds, "holds");
    return withInvariant(new Invariant<>(name, trace -> {
      if (!holds.test(trace.finalState())) throw new AssertionError("false of the final state");
    }));
  }

  /** Adds an invariant that must hold of the whole execution trace: results, order, final state. */
  public ConcurrentScenario<S> traceInvariant(String name,
      Predicate<? super ExecutionTrace<S>> holds) {
    Objects.requireNonNull(holds, "holds");
    return withInvariant(new Invariant<>(name, trace -> {
      if (!holds.test(trace)) throw new AssertionError("false of the trace");
    }));
  }

  /** Adds a check of the trace that fails by throwing, as {@link Properties.Check} does. */
  ConcurrentScenario<S> traceCheck(String name, Properties.Check<? super ExecutionTrace<S>> check) {
    return withInvariant(new Invariant<>(name, check));
  }

  private ConcurrentScenario<S> withInvariant(Invariant<S> invariant) {
    List<Invariant<S>> more = new ArrayList<>(invariants);
    more.add(invariant);
    return new ConcurrentScenario<>(setup, threads, more);
  }

  /** The threads' names, in declaration order. */
  public List<String> threadNames() {
    return threads.stream().map(ScenarioThread::name).toList();
  }

  /**
   * Runs the one interleaving {@code schedule} describes (a failure's {@code weft1;...} string or
   * schedule file), with tracing on, as {@link Weft#replay} does.
   *
   * @throws IllegalArgumentException when the scenario is invalid (see {@link #body()}), or the
   *     schedule is unreadable
   */
  public ScenarioExecution<S> executeInterleaving(String schedule) {
    ScenarioBody<S> body = compile();
    return new ScenarioExecution<>(Weft.replay(schedule, body), body.lastTrace());
  }

  /**
   * The body one execution runs, for {@link Weft#exploreInterleavings} and {@link Weft#replay}.
   *
   * @throws IllegalArgumentException when there are no threads, {@link #after} names a thread the
   *     scenario does not have, or threads wait for each other in a cycle
   */
  public Body body() {
    return compile();
  }

  /** {@link #body()}, as the type that keeps the last execution's trace. */
  ScenarioBody<S> compile() {
    if (threads.isEmpty()) {
      throw new IllegalArgumentException("the scenario has no threads: add them with thread(...)");
    }
    int[][] waitsFor = new int[threads.size()][];
    for (int i = 0; i < threads.size(); i++) {
      ScenarioThread<S> t = threads.get(i);
      waitsFor[i] = t.after().stream().mapToInt(name -> {
        int d = indexOf(name);
        if (d < 0) {
          throw new IllegalArgumentException("thread '" + t.name() + "' runs after '" + name
              + "', which the scenario does not have; its threads: " + threadNames());
        }
        return d;
      }).toArray();
    }
    return new ScenarioBody<>(setup, threads, invariants, waitsFor, startOrder(waitsFor));
  }

  /**
   * Every thread after those it waits for, otherwise in declaration order (Kahn's algorithm, taking
   * the first ready thread each time so that the order does not depend on anything else).
   */
  private int[] startOrder(int[][] waitsFor) {
    int n = threads.size();
    int[] order = new int[n];
    boolean[] placed = new boolean[n];
    for (int k = 0; k < n; k++) {
      int next = -1;
      for (int i = 0; i < n && next < 0; i++) {
        if (!placed[i] && allPlaced(waitsFor[i], placed)) next = i;
      }
      if (next < 0) throw new IllegalArgumentException(cycle(waitsFor, placed));
      placed[next] = true;
      order[k] = next;
    }
    return order;
  }

  private static boolean allPlaced(int[] threads, boolean[] placed) {
    for (int t : threads) if (!placed[t]) return false;
    return true;
  }

  /** Names a cycle among the threads not placed, each of which waits for another of them. */
  private String cycle(int[][] waitsFor, boolean[] placed) {
    int at = 0;
    while (placed[at]) at++;
    Map<Integer, Integer> seenAt = new HashMap<>();
    List<String> path = new ArrayList<>();
    while (!seenAt.containsKey(at)) {
      seenAt.put(at, path.size());
      path.add(threads.get(at).name());
      for (int d : waitsFor[at]) {
        if (!placed[d]) {
          at = d;
          break;
        }
      }
    }
    List<String> loop = new ArrayList<>(path.subList(seenAt.get(at), path.size()));
    loop.add(threads.get(at).name());
    return "threads wait for each other in a cycle, so none of them could start: "
        + String.join(" runs after ", loop) + "; remove one of these after(...)";
  }

  private int indexOf(String name) {
    for (int i = 0; i < threads.size(); i++) if (threads.get(i).name().equals(name)) return i;
    return -1;
  }

  /** A named thread: its operation, and the names of the threads whose operations precede it. */
  record ScenarioThread<S>(String name, Operation<? super S> operation, List<String> after) {
    ScenarioThread {
      after = List.copyOf(after);
    }
  }
}
