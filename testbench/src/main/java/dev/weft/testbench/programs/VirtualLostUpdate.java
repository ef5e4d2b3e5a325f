package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * {@link LostUpdate} on virtual threads: two of them run its increment, a read and a separate
 * write of a volatile counter, and one increment can be lost. Weft explores virtual threads from
 * JDK 24 on.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION, jdk = 24)
public final class VirtualLostUpdate {
  private VirtualLostUpdate() {}

  public static void main(String[] args) throws Exception {
    LostUpdate counter = new LostUpdate();
    Threads.runVirtual(counter::increment, counter::increment);
    counter.assertCount(2);
  }
}
