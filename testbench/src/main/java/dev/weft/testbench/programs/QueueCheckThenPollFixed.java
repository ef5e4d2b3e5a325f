package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link QueueCheckThenPoll}'s twin: a worker just polls, and stops when {@code poll} itself
 * returns null; the check and the take are one atomic call.
 *
 * <p>Size: jobs ({@code args[0]}, default 1).
 */
@Expect(bug = false)
public final class QueueCheckThenPollFixed {
  public static void main(String[] args) throws InterruptedException {
    QueueCheckThenPoll.work((jobs, runs) -> {
      for (Integer job = jobs.poll(); job != null; job = jobs.poll()) runs.incrementAndGet(job);
    }, args);
  }
}
