package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link LockLeak}'s twin: {@code withdraw} unlocks in {@code finally}, on every path out. */
@Expect(bug = false)
public final class LockLeakFixed {
  static final class SafeAccount extends LockLeak.Account {
    @Override
    void withdraw(int amount) {
      lock.lock();
      try {
        if (balance < amount) throw new IllegalStateException("insufficient funds");
        balance -= amount;
      } finally {
        lock.unlock();
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    LockLeak.depositAndWithdraw(new SafeAccount());
  }
}
