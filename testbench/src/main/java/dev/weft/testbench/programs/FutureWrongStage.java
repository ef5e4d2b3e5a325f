package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Waiting for the wrong stage of a {@link CompletableFuture}: a price is fetched with {@code
 * supplyAsync} on a pool, a {@code thenAccept} stage puts it in the cart, and main joins the fetch,
 * not the stage that fills the cart, before it reads the cart. The fetch is complete, and main free
 * to go on, before the dependent stage has run in the pool thread that completed it.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class FutureWrongStage {
  static final int PRICE = 42;

  static final class Cart {
    volatile int total;
  }

  /** How main waits, given the fetch and the stage that fills the cart. */
  interface Wait {
    void until(CompletableFuture<Integer> fetched, CompletableFuture<Void> filled);
  }

  static void shop(Wait wait) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    Cart cart = new Cart();
    CompletableFuture<Integer> fetched = CompletableFuture.supplyAsync(() -> PRICE, pool);
    CompletableFuture<Void> filled = fetched.thenAccept(price -> cart.total = price);
    wait.until(fetched, filled);
    assert cart.total == PRICE : "the cart totals " + cart.total;
    Pools.shutDown(pool);
  }

  public static void main(String[] args) throws InterruptedException {
    shop((fetched, filled) -> fetched.join());
  }
}
