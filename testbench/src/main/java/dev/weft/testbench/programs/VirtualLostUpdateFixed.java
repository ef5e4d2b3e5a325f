package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link VirtualLostUpdate}'s twin: {@link LostUpdateFixed}'s increment, under a monitor, which a
 * virtual thread waiting for it no longer pins to its carrier (JDK 24+).
 */
@Expect(bug = false, jdk = 24)
public final class VirtualLostUpdateFixed {
  private VirtualLostUpdateFixed() {}

  public static void main(String[] args) throws Exception {
    LostUpdateFixed counter = new LostUpdateFixed();
    Threads.runVirtual(counter::increment, counter::increment);
    counter.assertCount(2);
  }
}
