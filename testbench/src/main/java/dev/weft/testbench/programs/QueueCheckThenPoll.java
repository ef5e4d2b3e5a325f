package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Check-then-act on a {@link ConcurrentLinkedQueue}: two workers share a queue of jobs, and each
 * takes a job with {@code poll} while {@code isEmpty} says there is one. With one job left both can
 * see it; the slower {@code poll} then finds the queue empty and returns null, which fails as a
 * {@link NullPointerException} when the worker unboxes it.
 *
 * <p>Size: jobs ({@code args[0]}, default 1).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class QueueCheckThenPoll {
  /** What a worker does: run jobs from the queue, counting each run, until none is left. */
  interface Worker {
    void drain(ConcurrentLinkedQueue<Integer> jobs, AtomicIntegerArray runs);
  }

  static void work(Worker worker, String[] args) throws InterruptedException {
    int count = Args.size(args, 0, 1);
    ConcurrentLinkedQueue<Integer> jobs = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < count; i++) jobs.add(i);
    AtomicIntegerArray runs = new AtomicIntegerArray(count);
    Threads.runConcurrently(() -> worker.drain(jobs, runs), () -> worker.drain(jobs, runs));
    for (int i = 0; i < count; i++) {
      assert runs.get(i) == 1 : "job " + i + " ran " + runs.get(i) + " times";
    }
  }

  public static void main(String[] args) throws InterruptedException {
    work((jobs, runs) -> {
      while (!jobs.isEmpty()) {
        int job = jobs.poll();
        runs.incrementAndGet(job);
      }
    }, args);
  }
}
