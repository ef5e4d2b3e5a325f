package dev.weft.samples.explorer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** Parallel streams and the default async pool, on the JDK's common fork-join pool. */
public final class CommonPool {
  private CommonPool() {}

  /** Each element adds one with a read then a write: two workers can lose an update. */
  public static void racyParallelCount() {
    AtomicInteger count = new AtomicInteger();
    IntStream.range(0, 4).parallel().forEach(i -> count.set(count.get() + 1));
    if (count.get() != 4) throw new AssertionError("count is " + count.get() + ", expected 4");
  }

  /** The same with an atomic increment, and a supplyAsync awaited: always right. */
  public static void atomicParallelCount() throws Exception {
    AtomicInteger count = new AtomicInteger();
    IntStream.range(0, 4).parallel().forEach(i -> count.incrementAndGet());
    int more = CompletableFuture.supplyAsync(count::incrementAndGet).get();
    if (count.get() != 5 || more != 5) throw new AssertionError("count is " + count.get());
  }
}
