package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct: workers take a lock by retrying {@code tryLock()} until it succeeds, and count under it.
 * A failed {@code tryLock} changes nothing, so a worker that keeps failing gives way to the holder;
 * without that, a strategy that keeps the running thread would retry forever and report a livelock.
 *
 * <p>Size: workers ({@code args[0]}, default 2), each counting twice.
 */
@Expect(bug = false)
public final class TryLockSpin {
  private static final int ROUNDS = 2;

  private final ReentrantLock lock = new ReentrantLock();
  private int count; // guarded by lock

  void add() {
    while (!lock.tryLock()) {
      // the holder will let go
    }
    try {
      count++;
    } finally {
      lock.unlock();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int workers = Args.size(args, 0, 2);
    TryLockSpin counter = new TryLockSpin();
    Threads.Body[] bodies = new Threads.Body[workers];
    for (int i = 0; i < workers; i++) {
      bodies[i] = () -> {
        for (int r = 0; r < ROUNDS; r++) counter.add();
      };
    }
    Threads.runConcurrently(bodies);
    assert counter.count == workers * ROUNDS : "count is " + counter.count;
  }
}
