package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Two threads increment a plain {@code int} with no synchronization; when both read before either
 * writes, one increment is lost. No operation here is a synchronization step: a search that takes
 * plain accesses for invisible sees one interleaving class and calls the program correct.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class PlainLostUpdate {
  private int count;

  private void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    PlainLostUpdate counter = new PlainLostUpdate();
    Threads.runConcurrently(counter::increment, counter::increment);
    assert counter.count == 2 : "lost update: count is " + counter.count + ", expected 2";
  }
}
