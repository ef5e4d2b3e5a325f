package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.ExecutionException;

/**
 * {@link PoolStarvation}'s twin: an order computes its price in its own thread, instead of handing
 * the work to the pool it runs on and blocking that thread until the pool gets to it.
 *
 * <p>Size: orders ({@code args[0]}, default 2).
 */
@Expect(bug = false)
public final class PoolStarvationFixed {
  public static void main(String[] args) throws InterruptedException, ExecutionException {
    PoolStarvation.placeOrders((pool, order) -> PoolStarvation.price(order), args);
  }
}
