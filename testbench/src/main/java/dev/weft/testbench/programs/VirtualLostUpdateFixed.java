package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link VirtualLostUpdate}'s twin: the read and the write happen under one monitor, which a
 * virtual thread waiting for it no longer pins to its carrier (JDK 24+).
 */
@Expect(bug = false, jdk = 24)
public final class VirtualLostUpdateFixed {
  private volatile int count;

  private synchronized void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws Exception {
    VirtualLostUpdateFixed counter = new VirtualLostUpdateFixed();
    Threads.runVirtual(counter::increment, counter::increment);
    assert counter.count == 2 : "lost update: count is " + counter.count + ", expected 2";
  }
}
