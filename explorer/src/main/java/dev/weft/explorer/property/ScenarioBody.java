package dev.weft.explorer.property;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.threads.HarnessThreads;
import dev.weft.scheduler.runtime.AbortedExecution;
import dev.weft.scheduler.runtime.Execution;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One execution of a {@link ConcurrentScenario}: T0 makes the state, starts the named threads in
 * their start order, joins them all and checks the invariants. Each thread first joins the threads
 * it runs after, then runs its operation, and records it in its own slot; T0 reads the slots only
 * after the joins, so the bookkeeping adds no shared state (and no scheduling points) of its own.
 */
final class ScenarioBody<S> implements Body {
  private final Supplier<? extends S> setup;
  private final List<ConcurrentScenario.ScenarioThread<S>> threads;
  private final List<Invariant<S>> invariants;
  /** Per thread, the indices of the threads it joins before its operation. */
  private final int[][] waitsFor;
  /** A thread's index comes after those of every thread it waits for. */
  private final int[] startOrder;
  /** The trace of the last execution that got past its joins; written by its thread T0. */
  private volatile ExecutionTrace<S> last;

  ScenarioBody(Supplier<? extends S> setup, List<ConcurrentScenario.ScenarioThread<S>> threads,
      List<Invariant<S>> invariants, int[][] waitsFor, int[] startOrder) {
    this.setup = setup;
    this.threads = threads;
    this.invariants = invariants;
    this.waitsFor = waitsFor;
    this.startOrder = startOrder;
  }

  Optional<ExecutionTrace<S>> lastTrace() {
    return Optional.ofNullable(last);
  }

  /** Every execution is traced, so that its trace carries the operations' happens-before order. */
  @Override
  public boolean tracesEveryExecution() {
    return true;
  }

  @Override
  public void run() throws InterruptedException {
    last = null;
    S state = setup.get();
    TracedOperation[] done = new TracedOperation[threads.size()];
    HappensBefore.Span[] spans = new HappensBefore.Span[threads.size()];
    Thread[] started = new Thread[threads.size()];
    // A thread joins only threads started before it: a join of one not yet started would return at
    // once, and the order would not hold.
    for (int i : startOrder) {
      started[i] = new Thread(() -> done[i] = runThread(i, state, started, spans),
          threads.get(i).name());
      Threads.HARNESS.start(started[i]);
    }
    for (Thread t : started) Threads.HARNESS.join(t);
    ExecutionTrace<S> trace = new ExecutionTrace<>(Arrays.asList(done), state, order(spans));
    last = trace;
    for (Invariant<S> invariant : invariants) invariant.verify(trace);
  }

  /** The operations' happens-before order, from the execution's trace so far (T0 reads it). */
  private HappensBefore order(HappensBefore.Span[] spans) {
    Execution e = Execution.active();
    List<String> names = threads.stream().map(ConcurrentScenario.ScenarioThread::name).toList();
    return e == null ? HappensBefore.of(names, List.of(), List.of(), List.of())
        : HappensBefore.of(names, Arrays.asList(spans), e.probe().readTrace(), e.probe().readThreadNames());
  }

  private TracedOperation runThread(int i, S state, Thread[] started, HappensBefore.Span[] spans) {
    for (int d : waitsFor[i]) {
      try {
        Threads.HARNESS.join(started[d]);
      } catch (InterruptedException e) {
        // Only the program could interrupt a scenario's thread; the order can no longer hold.
        Thread.currentThread().interrupt();
        throw new IllegalStateException("thread '" + threads.get(i).name() + "' was interrupted"
            + " while waiting for '" + threads.get(d).name() + "'", e);
      }
    }
    Execution execution = Execution.active();
    int startRow = execution == null ? 0 : execution.probe().readTraceLength();
    int startStep = HarnessThreads.step();
    long startNanos = HarnessThreads.nanoTime();
    Outcome<Object> outcome;
    try {
      outcome = Outcome.returned(threads.get(i).operation().apply(state));
    } catch (AbortedExecution e) {
      throw e; // Weft is unwinding this thread; the execution has ended elsewhere
    } catch (Throwable t) {
      outcome = Outcome.threw(t);
    }
    if (execution != null) {
      spans[i] = new HappensBefore.Span(execution.probe().readThreadId(), startRow,
          execution.probe().readTraceLength());
    }
    return new TracedOperation(threads.get(i).name(), i, outcome, startStep, HarnessThreads.step(),
        startNanos, HarnessThreads.nanoTime());
  }

  /** Created at first use, inside an execution, once the agent put the scheduler on the boot path. */
  private static final class Threads {
    static final HarnessThreads HARNESS =
        new HarnessThreads("dev.weft.explorer.property.ConcurrentScenario");
  }
}
