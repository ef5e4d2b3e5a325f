package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link TryLockTimeout}'s twin: an audit that cannot take the lock within 1 ms reports that the
 * ledger was busy, as a timed {@code tryLock} allows, and checks nothing. Correct under either
 * model of timeouts.
 */
@Expect(bug = false)
public final class TryLockTimeoutFixed {
  private final ReentrantLock lock = new ReentrantLock();
  private int checking = 50;
  private int savings = 50;

  public static void main(String[] args) throws InterruptedException {
    TryLockTimeoutFixed ledger = new TryLockTimeoutFixed();
    Threads.runConcurrently(() -> ledger.transfer(10), () -> {
      OptionalInt total = ledger.audit();
      assert total.orElse(100) == 100 : "the audit saw a total of " + total.getAsInt();
    });
  }

  private void transfer(int amount) {
    lock.lock();
    try {
      checking -= amount;
      savings += amount;
    } finally {
      lock.unlock();
    }
  }

  /** The total, or empty when the ledger stayed locked for 1 ms: busy, audit again later. */
  private OptionalInt audit() throws InterruptedException {
    if (!lock.tryLock(1, TimeUnit.MILLISECONDS)) return OptionalInt.empty();
    try {
      return OptionalInt.of(checking + savings);
    } finally {
      lock.unlock();
    }
  }
}
