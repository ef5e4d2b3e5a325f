package dev.weft.explorer.property;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.attach.AgentInstaller;
import dev.weft.explorer.threads.HarnessThreads;
import dev.weft.scheduler.runtime.AbortedExecution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One input of {@link ForAllConcurrent}: the outcomes of its calls made one after another, and the
 * body that makes them at once under Weft, failing when an interleaving's outcomes differ.
 */
final class ConcurrentRun<S, T, R> {
  private final T input;
  private final int threads;
  private final Supplier<? extends S> shared;
  private final ConcurrentOperation<? super S, ? super T, ? extends R> operation;
  private final Equivalence<R> equivalence;
  private final List<Outcome<R>> sequential;
  /** The outcomes of the last execution of the body, per thread; written by its thread T0. */
  private volatile List<Outcome<R>> last = List.of();

  ConcurrentRun(T input, int threads, Supplier<? extends S> shared,
      ConcurrentOperation<? super S, ? super T, ? extends R> operation, Equivalence<R> equivalence,
      boolean races) {
    this.input = input;
    this.threads = threads;
    this.shared = shared;
    this.operation = operation;
    this.equivalence = equivalence;
    // The sequential run is the first to load the program's classes: the agent must be there
    // before, or a class loaded now would keep its synchronized methods uncontrolled.
    AgentInstaller.ensureInstalled(races);
    // Outside any exploration: the reference the interleavings are held to.
    S object = shared.get();
    List<Outcome<R>> outcomes = new ArrayList<>();
    for (int i = 0; i < threads; i++) outcomes.add(call(object));
    sequential = List.copyOf(outcomes);
  }

  List<Outcome<R>> sequential() {
    return sequential;
  }

  List<Outcome<R>> last() {
    return last;
  }

  /**
   * One execution: a fresh shared object, {@code threads} threads (T1, T2, ...) each making the call
   * once; T0 only starts and joins them, then compares.
   */
  Body body() {
    return () -> {
      S object = shared.get();
      @SuppressWarnings("unchecked")
      Outcome<R>[] outcomes = new Outcome[threads];
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int slot = i;
        Thread t = new Thread(() -> outcomes[slot] = call(object));
        started.add(t);
        Threads.HARNESS.start(t);
      }
      for (Thread t : started) Threads.HARNESS.join(t);
      List<Outcome<R>> concurrent = Arrays.asList(outcomes);
      last = concurrent;
      if (!equivalence.equivalent(sequential, concurrent)) {
        throw new AssertionError("not deterministic for input " + input + ": one after another "
            + sequential + ", at once " + concurrent + " (T1 first)");
      }
    };
  }

  private Outcome<R> call(S object) {
    try {
      return Outcome.returned(operation.apply(object, input));
    } catch (AbortedExecution e) {
      throw e; // Weft is unwinding this thread; the execution has ended elsewhere
    } catch (Throwable t) {
      return Outcome.threw(t);
    }
  }

  /** Created at first use, after the constructor made sure the agent put the scheduler on the boot path. */
  private static final class Threads {
    static final HarnessThreads HARNESS =
        new HarnessThreads("dev.weft.explorer.property.ForAllConcurrent");
  }
}
