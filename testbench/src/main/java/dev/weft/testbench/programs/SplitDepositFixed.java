package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SplitDeposit}'s twin: {@code deposit} holds the account's monitor across its read and its
 * write (the monitor is reentrant, so the inner synchronized calls do not block).
 */
@Expect(bug = false)
public final class SplitDepositFixed {
  static final class AtomicDeposit extends SplitDeposit.Account {
    @Override
    synchronized void deposit(int amount) {
      super.deposit(amount);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SplitDeposit.depositConcurrently(new AtomicDeposit(), args);
  }
}
