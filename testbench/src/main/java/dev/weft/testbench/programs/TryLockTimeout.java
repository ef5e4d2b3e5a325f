package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A ledger whose transfers hold its lock for two assignments, and an auditor that takes the lock
 * with {@code tryLock(1, MILLISECONDS)} and treats a timeout as impossible, the lock being held so
 * briefly. But a timeout measures time, not the holder's work: on a loaded machine the millisecond
 * passes while the transfer's thread, which would release the lock at once, is not scheduled, and
 * the audit throws. The bug is a timeout that expires while another thread could still run: found
 * under Weft's default model of timeouts ({@code anytime}), not under {@code when-blocked}.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class TryLockTimeout {
  private final ReentrantLock lock = new ReentrantLock();
  private int checking = 50;
  private int savings = 50;

  public static void main(String[] args) throws InterruptedException {
    TryLockTimeout ledger = new TryLockTimeout();
    Threads.runConcurrently(() -> ledger.transfer(10), () -> {
      int total = ledger.audit();
      assert total == 100 : "the audit saw a total of " + total;
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

  private int audit() throws InterruptedException {
    if (!lock.tryLock(1, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the ledger stayed locked for 1 ms, longer than a transfer");
    }
    try {
      return checking + savings;
    } finally {
      lock.unlock();
    }
  }
}
