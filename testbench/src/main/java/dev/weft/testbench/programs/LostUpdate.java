package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Two threads increment a volatile counter with a read and a separate write; when both read before
 * either writes, one increment is lost. Volatile makes each access atomic, not the pair.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class LostUpdate {
  private volatile int count;

  // Package-private, as is assertCount: VirtualLostUpdate runs them on virtual threads.
  void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    LostUpdate counter = new LostUpdate();
    Threads.runConcurrently(counter::increment, counter::increment);
    counter.assertCount(2);
  }

  void assertCount(int increments) {
    assert count == increments : "lost update: count is " + count + ", expected " + increments;
  }
}
