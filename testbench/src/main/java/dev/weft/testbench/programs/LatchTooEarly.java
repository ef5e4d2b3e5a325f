package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A latch counted down too early: each worker computes its result, counts the latch down, and only
 * then stores the result. Main awaits the latch and reads every result; when it runs between a
 * worker's {@code countDown} and its store, it reads a result that is not there yet.
 *
 * <p>Size: workers ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class LatchTooEarly {
  /** What a worker does with its result and the latch. */
  interface Worker {
    void finish(AtomicIntegerArray results, int slot, int result, CountDownLatch done);
  }

  static void gather(Worker worker, String[] args) throws InterruptedException {
    int workers = Args.size(args, 0, 2);
    AtomicIntegerArray results = new AtomicIntegerArray(workers);
    CountDownLatch done = new CountDownLatch(workers);
    Thread[] threads = new Thread[workers];
    for (int i = 0; i < workers; i++) {
      int slot = i;
      threads[i] = Threads.named("worker-" + i,
          () -> worker.finish(results, slot, square(slot), done));
      threads[i].start();
    }
    done.await();
    for (int i = 0; i < workers; i++) {
      assert results.get(i) == square(i) : "result " + i + " missing after the latch opened";
    }
    for (Thread t : threads) t.join();
  }

  static int square(int slot) {
    return (slot + 1) * (slot + 1);
  }

  public static void main(String[] args) throws InterruptedException {
    gather((results, slot, result, done) -> {
      done.countDown(); // too early: the result is not stored yet
      results.set(slot, result);
    }, args);
  }
}
