package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SynchronizedMapCheckThenAct}'s twin: the check and the put are one call, {@code
 * putIfAbsent}, which the synchronized map runs under its monitor.
 */
@Expect(bug = false)
public final class SynchronizedMapCheckThenActFixed {
  public static void main(String[] args) throws InterruptedException {
    SynchronizedMapCheckThenAct.run((map, puts) -> {
      if (map.putIfAbsent("k", 1) == null) puts.incrementAndGet();
    });
  }
}
