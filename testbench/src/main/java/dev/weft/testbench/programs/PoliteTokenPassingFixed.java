package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link PoliteTokenPassing}'s twin: politeness with a tie-break. A party passes the token only to
 * a wanting party with a lower id, so when both want it party 0 uses it first, then hands it to
 * party 1, who finds party 0 no longer wanting it.
 */
@Expect(bug = false)
public final class PoliteTokenPassingFixed {
  public static void main(String[] args) throws InterruptedException {
    PoliteTokenPassing.share((me, other) -> other.id < me.id);
  }
}
