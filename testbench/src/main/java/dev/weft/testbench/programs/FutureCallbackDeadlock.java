package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link CompletableFuture} callback that needs a lock its waiter holds: main, holding the cart's
 * lock, looks a price up with {@code supplyAsync} on a pool, adds a {@code thenAccept} stage that
 * puts the price in the cart under that lock, and joins the stage. If the lookup is complete when
 * {@code thenAccept} is called, the callback runs at once in main, which holds the (reentrant)
 * lock. Otherwise it runs in the pool thread that completes the lookup, and waits there for the
 * lock, while main waits for the callback: a deadlock.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class FutureCallbackDeadlock {
  static final class Cart {
    final ReentrantLock lock = new ReentrantLock();
    int total; // guarded by lock

    void add(int price) {
      lock.lock();
      try {
        total += price;
      } finally {
        lock.unlock();
      }
    }
  }

  /** How main waits for the callback, given the cart whose lock it holds. */
  interface Checkout {
    void await(Cart cart, CompletableFuture<Void> added);
  }

  static void shop(Checkout checkout) throws InterruptedException {
    ConcurrentMap<String, Integer> prices = new ConcurrentHashMap<>();
    prices.put("tea", 3);
    ExecutorService pool = Executors.newFixedThreadPool(1);
    Cart cart = new Cart();
    cart.lock.lock();
    try {
      CompletableFuture<Void> added = CompletableFuture
          .supplyAsync(() -> prices.get("tea"), pool)
          .thenAccept(cart::add);
      checkout.await(cart, added);
    } finally {
      cart.lock.unlock();
    }
    Pools.shutDown(pool);
    assert cart.total == 3 : "the cart totals " + cart.total;
  }

  public static void main(String[] args) throws InterruptedException {
    shop((cart, added) -> added.join()); // with the cart's lock held
  }
}
