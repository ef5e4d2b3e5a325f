package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * {@link LostUpdate} on virtual threads: two of them increment a volatile counter with a read and
 * a separate write, and one increment can be lost. Weft explores virtual threads from JDK 24 on.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION, jdk = 24)
public final class VirtualLostUpdate {
  private volatile int count;

  private void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws Exception {
    VirtualLostUpdate counter = new VirtualLostUpdate();
    Threads.runVirtual(counter::increment, counter::increment);
    assert counter.count == 2 : "lost update: count is " + counter.count + ", expected 2";
  }
}
