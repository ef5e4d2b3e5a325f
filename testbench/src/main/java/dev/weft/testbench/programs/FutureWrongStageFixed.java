package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link FutureWrongStage}'s twin: main joins the stage that fills the cart, which completes only
 * after its action has run, on whichever thread ran it.
 */
@Expect(bug = false)
public final class FutureWrongStageFixed {
  public static void main(String[] args) throws InterruptedException {
    FutureWrongStage.shop((fetched, filled) -> filled.join());
  }
}
