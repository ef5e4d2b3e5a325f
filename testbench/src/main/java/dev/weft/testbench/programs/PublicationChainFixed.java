package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link PublicationChain}'s twin: every relay copies the value before it raises its flag, so a
 * raised flag anywhere in the chain announces a written value.
 */
@Expect(bug = false)
public final class PublicationChainFixed {
  public static void main(String[] args) throws InterruptedException {
    PublicationChain.publish(args, (from, to) -> {
      to.value = from.value;
      to.ready = true;
    });
  }
}
