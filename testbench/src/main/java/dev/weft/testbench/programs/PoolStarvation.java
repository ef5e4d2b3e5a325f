package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Thread-starvation deadlock in a fixed pool: each order is a task that submits its pricing
 * subtask to the same pool, of as many threads as there are orders, and blocks on the subtask's
 * future. When the orders take every thread before any subtask starts, the subtasks wait in the
 * queue for a free thread, the orders wait for the subtasks, and main for the orders: a deadlock.
 * An order that submits its subtask while a thread is still idle gets it run there.
 *
 * <p>Size: orders ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class PoolStarvation {
  /** How an order running on {@code pool} gets its price. */
  interface Pricing {
    int price(ExecutorService pool, int order) throws InterruptedException, ExecutionException;
  }

  static void placeOrders(Pricing pricing, String[] args)
      throws InterruptedException, ExecutionException {
    int count = Args.size(args, 0, 2);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    List<Future<Integer>> totals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int order = i;
      totals.add(pool.submit(() -> pricing.price(pool, order) + 1));
    }
    for (int i = 0; i < count; i++) {
      int total = totals.get(i).get();
      assert total == price(i) + 1 : "order " + i + " totals " + total;
    }
    Pools.shutDown(pool);
  }

  static int price(int order) {
    return 10 * (order + 1);
  }

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    placeOrders((pool, order) -> pool.submit(() -> price(order)).get(), args);
  }
}
