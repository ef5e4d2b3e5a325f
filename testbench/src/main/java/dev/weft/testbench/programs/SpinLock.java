package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Correct: a test-and-test-and-set spin lock guarding a plain counter. A thread waits while the
 * lock is held, reading it and calling {@code Thread.onSpinWait()}, then tries to take it with
 * {@code compareAndSet}, and starts over if another thread took it first. The holder always gets
 * the turn back: a waiter gives way at {@code onSpinWait}.
 *
 * <p>Size: threads ({@code args[0]}, default 2), each counting twice.
 */
@Expect(bug = false)
public final class SpinLock {
  private static final int ROUNDS = 2;

  private final AtomicBoolean held = new AtomicBoolean();
  private int count; // guarded by held

  void lock() {
    while (true) {
      while (held.get()) Thread.onSpinWait();
      if (held.compareAndSet(false, true)) return;
    }
  }

  void unlock() {
    held.set(false);
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = Args.size(args, 0, 2);
    SpinLock lock = new SpinLock();
    Threads.Body[] bodies = new Threads.Body[threads];
    for (int i = 0; i < threads; i++) {
      bodies[i] = () -> {
        for (int r = 0; r < ROUNDS; r++) {
          lock.lock();
          try {
            lock.count++;
          } finally {
            lock.unlock();
          }
        }
      };
    }
    Threads.runConcurrently(bodies);
    assert lock.count == threads * ROUNDS : "count is " + lock.count;
  }
}
