package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link ExchangerReuse}'s twin: the producer fills the buffer {@code exchange} gave back, never
 * the one it handed over.
 *
 * <p>Size: rounds ({@code args[0]}, default 2).
 */
@Expect(bug = false)
public final class ExchangerReuseFixed {
  public static void main(String[] args) throws InterruptedException {
    ExchangerReuse.transfer((exchanger, full) -> exchanger.exchange(full), args);
  }
}
