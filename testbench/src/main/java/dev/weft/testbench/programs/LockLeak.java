package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock leaked by an exception: {@code withdraw} takes a {@link ReentrantLock}, refuses by
 * throwing when the balance is too low, and unlocks only on its normal path. When the withdrawal
 * comes before the deposit, the refusal leaves the lock held by a thread that then ends; the
 * deposit waits for the lock forever, and main in {@code join}: a deadlock.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class LockLeak {
  static class Account {
    final ReentrantLock lock = new ReentrantLock();
    int balance; // guarded by lock

    void deposit(int amount) {
      lock.lock();
      try {
        balance += amount;
      } finally {
        lock.unlock();
      }
    }

    void withdraw(int amount) {
      lock.lock();
      if (balance < amount) throw new IllegalStateException("insufficient funds");
      balance -= amount;
      lock.unlock();
    }
  }

  static void depositAndWithdraw(Account account) throws InterruptedException {
    Threads.startAndJoin(
        Threads.named("depositor", () -> account.deposit(100)),
        Threads.named("withdrawer", () -> {
          try {
            account.withdraw(50);
          } catch (IllegalStateException refused) {
            // refused: the customer tries again another day
          }
        }));
  }

  public static void main(String[] args) throws InterruptedException {
    depositAndWithdraw(new Account());
  }
}
