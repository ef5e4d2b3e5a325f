package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;

/**
 * Check-then-act on an account: {@code withdraw} checks the volatile balance, then subtracts. Two
 * withdrawals of the whole balance can both pass the check; then either the balance goes negative
 * or, when both read it before either writes, both are granted and one is never debited.
 *
 * <p>Size: withdrawers ({@code args[0]}, default 2), each trying to take the whole balance.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class Overdraft {
  static final int OPENING_BALANCE = 100;

  static class Account {
    private volatile int balance = OPENING_BALANCE;

    boolean withdraw(int amount) {
      if (balance < amount) return false;
      balance = balance - amount;
      return true;
    }

    int balance() {
      return balance;
    }
  }

  static void withdrawConcurrently(Account account, String[] args) throws InterruptedException {
    int withdrawers = Args.size(args, 0, 2);
    boolean[] granted = new boolean[withdrawers]; // slot i written by withdrawer i
    Threads.Body[] bodies = new Threads.Body[withdrawers];
    Arrays.setAll(bodies, i -> () -> granted[i] = account.withdraw(OPENING_BALANCE));
    Threads.runConcurrently(bodies);
    int paidOut = 0;
    for (boolean g : granted) paidOut += g ? OPENING_BALANCE : 0;
    int balance = account.balance();
    assert balance >= 0 : "overdraft: balance is " + balance;
    assert paidOut + balance == OPENING_BALANCE
        : "paid out " + paidOut + " of " + OPENING_BALANCE + " with " + balance + " left";
  }

  public static void main(String[] args) throws InterruptedException {
    withdrawConcurrently(new Account(), args);
  }
}
