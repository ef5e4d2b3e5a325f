package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link LazyInit}'s twin: the check and the creation happen under one lock. */
@Expect(bug = false)
public final class LazyInitFixed {
  static final class SynchronizedHolder extends LazyInit.Holder {
    @Override
    synchronized LazyInit.Service get() {
      return super.get();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    LazyInit.getConcurrently(new SynchronizedHolder(), args);
  }
}
