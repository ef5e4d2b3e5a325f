package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Runs a range of tests on real threads. Which thread runs which test is up to the distribution,
 * but the results are returned by test index, and a stopping result (a failure) only cancels the
 * tests after it: every test before the first stopping one always runs, so the caller, folding the
 * results in index order, sees the same outcome with any number of threads.
 */
final class ParallelTests {
  private ParallelTests() {}

  /**
   * Runs {@code test} for each index in {@code [from, to)}; returns the results in index order,
   * null for a test skipped because a stopping test came before it.
   */
  static <R> List<R> run(int from, int to, int threads, WorkDistribution distribution,
      IntFunction<R> test, Predicate<R> stops) {
    AtomicReferenceArray<R> results = new AtomicReferenceArray<>(to - from);
    AtomicInteger limit = new AtomicInteger(to); // the smallest stopping index so far
    AtomicReference<Throwable> crash = new AtomicReference<>();
    IntSupplier[] sources = distribution.sources(from, to, threads);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      IntSupplier source = sources[w];
      Runnable work = () -> {
        try {
          for (int i = source.getAsInt(); i >= 0; i = source.getAsInt()) {
            if (i >= limit.get()) continue;
            R r = test.apply(i);
            results.set(i - from, r);
            if (stops.test(r)) limit.accumulateAndGet(i, Math::min);
          }
        } catch (Throwable t) {
          crash.compareAndSet(null, t);
          limit.set(from); // stop everyone: the run is lost
        }
      };
      if (threads == 1) {
        work.run();
      } else {
        Thread t = new Thread(work, "weft-property-" + (w + 1));
        workers.add(t);
        t.start();
      }
    }
    joinAll(workers);
    if (crash.get() != null) throw new IllegalStateException("a test runner crashed", crash.get());
    List<R> ordered = new ArrayList<>(to - from);
    for (int i = 0; i < to - from; i++) ordered.add(results.get(i));
    return ordered;
  }

  private static void joinAll(List<Thread> workers) {
    boolean interrupted = false;
    for (Thread t : workers) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the tests stop only when done; keep the flag for the caller
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
