package dev.weft.explorer.linearizability;

import dev.weft.explorer.property.Gen;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.explorer.threads.HarnessThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Checks a concurrent object for linearizability against a sequential model, under Weft's
 * controlled schedules: scenarios of calls per thread are drawn at random; each is explored like
 * any test, and an execution whose history no sequential order of the model explains fails, with
 * the history and the reason in its message, a schedule that replays it, and the usual trace.
 *
 * <pre>{@code
 * LinearizabilityResult r = Linearizability
 *     .of(ConcurrentLinkedQueue<Integer>::new, ArrayDeque<Integer>::new, ArrayDeque::new, List::copyOf)
 *     .operations(Operation.of("offer", List.of(1, 2), Queue::offer), Operation.of("poll", Queue::poll))
 *     .threads(2).operationsPerThread(3).scenarios(50)
 *     .check(Options.builder().strategy(StrategyKind.DFS).iterations(2_000).build());
 * r.assertLinearizable();
 * }</pre>
 *
 * <p>Public API since 0.2.
 *
 * @param <T> the type both the object under test and its model implement
 * @param <M> the model's type
 */
public final class Linearizability<T, M extends T> {
  /** The property {@code -Dweft.replay} sets, as for an {@code @InterleavingTest}. */
  static final String REPLAY_PROPERTY = "weft.replay";

  private final Supplier<? extends T> concurrent;
  /** Set once by {@link #of}: it applies this instance's operations to the model. */
  private SequentialSpec<M> spec;
  private final List<Operation<T>> operations = new ArrayList<>();
  private int threads = 2;
  private int perThread = 3;
  private int scenarios = 20;
  private long seed = 1;
  private int minimisationRuns = 40;
  private Consistency consistency = Consistency.LINEARIZABLE;

  private Linearizability(Supplier<? extends T> concurrent) {
    this.concurrent = concurrent;
  }

  /**
   * @param concurrent a fresh instance of the object under test
   * @param model a fresh instance of its sequential model
   * @param copy an independent copy of a model
   * @param stateKey a value whose {@code equals} compares the model's state, e.g. {@code
   *     List::copyOf} for a collection
   */
  public static <T, M extends T> Linearizability<T, M> of(Supplier<? extends T> concurrent,
      Supplier<M> model, UnaryOperator<M> copy, Function<M, Object> stateKey) {
    Linearizability<T, M> l = new Linearizability<>(Objects.requireNonNull(concurrent, "concurrent"));
    l.spec = SequentialSpec.of(model, copy, stateKey, l::applyToModel);
    return l;
  }

  /** The operations scenarios are drawn from; at least one. */
  @SafeVarargs
  public final Linearizability<T, M> operations(Operation<T>... ops) {
    operations.addAll(List.of(ops));
    return this;
  }

  /** Threads per scenario, at least 1; 2 by default. */
  public Linearizability<T, M> threads(int n) {
    if (n < 1) throw new IllegalArgumentException("threads must be at least 1, was " + n);
    threads = n;
    return this;
  }

  /** Calls per thread, at least 1; 3 by default. */
  public Linearizability<T, M> operationsPerThread(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("operationsPerThread must be at least 1, was " + n);
    }
    perThread = n;
    return this;
  }

  /** Scenarios to draw and explore, at least 1; 20 by default. */
  public Linearizability<T, M> scenarios(int n) {
    if (n < 1) throw new IllegalArgumentException("scenarios must be at least 1, was " + n);
    scenarios = n;
    return this;
  }

  /**
   * Explorations that minimising a failing scenario may spend, each under the check's options; 40
   * by default, 0 to report the scenario as drawn.
   */
  public Linearizability<T, M> minimisationRuns(int n) {
    if (n < 0) throw new IllegalArgumentException("minimisationRuns must be at least 0, was " + n);
    minimisationRuns = n;
    return this;
  }

  /**
   * What a history must be: {@link Consistency#LINEARIZABLE} by default, or the weaker {@link
   * Consistency#QUIESCENT}, for objects that promise only that.
   */
  public Linearizability<T, M> consistency(Consistency c) {
    consistency = Objects.requireNonNull(c, "consistency");
    return this;
  }

  /**
   * Checks each history one part of the model's state at a time, {@code part} naming the part a
   * call touches (null for a call that touches all of it): see {@link SequentialSpec#partitionBy}
   * for when that is exact.
   */
  public Linearizability<T, M> partitionBy(Function<Call, Object> part) {
    spec = spec.partitionBy(part);
    return this;
  }

  /** The seed scenarios are drawn from; 1 by default. */
  public Linearizability<T, M> seed(long s) {
    seed = s;
    return this;
  }

  /**
   * Explores each scenario under {@code options} (each gets its share of the options' iterations
   * and time), with the JDK's lock-free structures opened up ({@link
   * Options.Builder#openJdkStructures}: a call on a {@code ConcurrentLinkedDeque} overlaps others
   * as it really does), and stops at the first that is not linearizable. When the {@code weft.replay}
   * system property names a schedule file this check wrote, it replays that file's execution on
   * the scenario the file names instead ({@link LinearizabilityResult#replayed()}), as {@code
   * -Dweft.replay} does for an {@code @InterleavingTest}.
   *
   * @throws IllegalArgumentException when {@code weft.replay} is set and cannot be replayed here
   */
  public LinearizabilityResult check(Options options) {
    if (operations.isEmpty()) {
      throw new IllegalStateException("no operations to draw scenarios from: call operations(...)");
    }
    String name = options.testName() != null ? options.testName() : "linearizability";
    String replay = System.getProperty(REPLAY_PROPERTY);
    if (replay != null && !replay.isBlank()) return replayProperty(replay.strip(), name);
    options = options.toBuilder().openJdkStructures(true).build();
    Random random = new Random(seed);
    ExplorationResult last = null;
    for (int i = 0; i < scenarios; i++) {
      Scenario scenario = Scenario.draw(random, operations, threads, perThread, size(i));
      ScenarioOrigin origin = new ScenarioOrigin(i + 1, List.of());
      Options named = options.toBuilder().testName(origin.testName(name)).build();
      last = explore(scenario, named);
      if (notLinearizable(last)) {
        Minimised minimised = minimise(new Minimised(scenario, origin, last), options, name);
        HistoryPage.add(minimised.exploration());
        return new LinearizabilityResult(i + 1, scenario, minimised.scenario(),
            minimised.exploration(), null);
      }
      if (last.failure().isPresent()) {
        return new LinearizabilityResult(i + 1, scenario, scenario, last, null);
      }
    }
    return new LinearizabilityResult(scenarios, null, null, last, null);
  }

  /**
   * Replays the schedule file {@code file} on the scenario its test name names, drawn again from
   * this check's seed and operations and minimised by the same steps.
   */
  private LinearizabilityResult replayProperty(String file, String name) {
    String refused = "Weft cannot replay the schedule given by -D" + REPLAY_PROPERTY + ": ";
    if (ScheduleFiles.isShortString(file)) {
      throw new IllegalArgumentException(refused + "a linearizability check replays a schedule"
          + " file, which names the scenario; pass the file's path instead of the weft1;... string");
    }
    ScenarioOrigin origin;
    try {
      origin = ScenarioOrigin.parse(ScheduleFiles.read(file, WeftVersion.get()).test(), name);
    } catch (IllegalArgumentException e) { // a ScheduleException too
      throw new IllegalArgumentException(refused + e.getMessage(), e);
    }
    Scenario drawn = drawn(origin.drawn());
    Scenario scenario = origin.rebuild(this::drawn);
    try {
      return new LinearizabilityResult(0, drawn, scenario, null, replay(scenario, file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(refused + e.getMessage(), e);
    }
  }

  /** The {@code n}th scenario this check draws, from 1. */
  private Scenario drawn(int n) {
    Random random = new Random(seed);
    Scenario scenario = null;
    for (int i = 0; i < n; i++) {
      scenario = Scenario.draw(random, operations, threads, perThread, size(i));
    }
    return scenario;
  }

  /**
   * The size at which the {@code i}-th scenario (from 0) draws its generators' arguments: growing
   * from 0 to 99 over the scenarios, as a property's inputs do, so the first try small values.
   */
  private int size(int i) {
    int largest = Gen.MAX_SIZE - 1;
    return scenarios <= 1 ? largest : (int) ((long) i * largest / (scenarios - 1));
  }

  /**
   * Replays {@code schedule} (a {@code weft1;...} string or a schedule file's path) on {@code
   * scenario}, as a failure's message says to: the result's {@link
   * LinearizabilityResult#failingScenario} with its failure's schedule.
   */
  public ReplayResult replay(Scenario scenario, String schedule) {
    Objects.requireNonNull(scenario, "scenario");
    return Weft.replay(Objects.requireNonNull(schedule, "schedule"), () -> run(scenario));
  }

  private ExplorationResult explore(Scenario scenario, Options options) {
    return Weft.exploreInterleavings(options, () -> run(scenario));
  }

  private static boolean notLinearizable(ExplorationResult r) {
    return r.failure().isPresent() && r.failure().get().error() instanceof NotLinearizableError;
  }

  /** A failing scenario as small as minimising made it, its origin, and its failing exploration. */
  private record Minimised(Scenario scenario, ScenarioOrigin origin,
      ExplorationResult exploration) {}

  /**
   * Removes whole threads first, then single calls, keeping each removal after which the scenario
   * still has a non-linearizable execution, until none can go or the runs are spent. The
   * explorer's shrinker has already made each failure's schedule the one with fewest preemptions.
   */
  private Minimised minimise(Minimised found, Options options, String name) {
    Minimised best = found;
    int runs = minimisationRuns;
    boolean smaller = true;
    while (smaller && runs > 0) {
      smaller = false;
      List<Scenario> candidates = best.scenario().smaller();
      for (int k = 0; k < candidates.size(); k++) {
        if (runs-- == 0) break;
        ScenarioOrigin origin = best.origin().keep(k);
        ExplorationResult r = explore(candidates.get(k),
            options.toBuilder().testName(origin.testName(name)).build());
        if (notLinearizable(r)) {
          best = new Minimised(candidates.get(k), origin, r);
          smaller = true;
          break;
        }
      }
    }
    return best;
  }

  /**
   * One execution of {@code scenario}: each thread makes its calls on one fresh instance, and the
   * history they leave must be linearizable (or as consistent as {@link #consistency} asks).
   */
  void run(Scenario scenario) throws InterruptedException {
    T target = concurrent.get();
    History history = new History();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < scenario.threads().size(); t++) {
      int thread = t + 1; // T0 is the body's own thread, which only starts and joins
      List<Scenario.Invocation> calls = scenario.threads().get(t);
      Thread worker = new Thread(() -> {
        for (Scenario.Invocation call : calls) {
          int id = history.invoke(thread, call.name(), call.arguments());
          history.respond(id, operations.get(call.operation()).resultOn(target, call.arguments()));
        }
      });
      started.add(worker);
      Threads.HARNESS.start(worker);
    }
    for (Thread worker : started) Threads.HARNESS.join(worker);
    Verdict verdict = LinearizabilityChecker.check(spec, history.calls(), consistency);
    if (!verdict.linearizable()) {
      throw new NotLinearizableError("not " + consistency.adjective() + ": " + scenario + "\n"
          + Timeline.of(history.calls()) + verdict.explanation(), history.calls());
    }
  }

  private Object applyToModel(M model, Call call) {
    for (Operation<T> op : operations) {
      if (op.name().equals(call.operation())) return op.resultOn(model, call.arguments());
    }
    throw new IllegalStateException("no operation named " + call.operation());
  }

  /** Created at the first execution, once the agent has put the scheduler on the boot path. */
  private static final class Threads {
    static final HarnessThreads HARNESS =
        new HarnessThreads("dev.weft.explorer.linearizability.Scenario");
  }
}
