package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link Overdraft}'s twin: the check and the debit happen under one lock. */
@Expect(bug = false)
public final class OverdraftFixed {
  static final class SynchronizedAccount extends Overdraft.Account {
    @Override
    synchronized boolean withdraw(int amount) {
      return super.withdraw(amount);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Overdraft.withdrawConcurrently(new SynchronizedAccount(), args);
  }
}
