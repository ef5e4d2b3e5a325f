package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;

/**
 * An atomicity violation across methods. The account's {@code balance()} and {@code
 * setBalance(int)} are each synchronized, so each is atomic; {@code deposit} reads through one and
 * writes through the other, so the read-modify-write is not. When two depositors both read before
 * either writes, one deposit is lost.
 *
 * <p>Sizes: depositors ({@code args[0]}, default 2) and deposits per depositor ({@code args[1]},
 * default 1).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class SplitDeposit {
  static class Account {
    private volatile int balance;

    synchronized int balance() {
      return balance;
    }

    synchronized void setBalance(int value) {
      balance = value;
    }

    void deposit(int amount) {
      setBalance(balance() + amount);
    }
  }

  static void depositConcurrently(Account account, String[] args) throws InterruptedException {
    int depositors = Args.size(args, 0, 2);
    int deposits = Args.size(args, 1, 1);
    Threads.Body depositor = () -> {
      for (int i = 0; i < deposits; i++) account.deposit(1);
    };
    Threads.Body[] bodies = new Threads.Body[depositors];
    Arrays.fill(bodies, depositor);
    Threads.runConcurrently(bodies);
    int expected = depositors * deposits;
    int balance = account.balance();
    assert balance == expected : "lost deposit: balance is " + balance + ", expected " + expected;
  }

  public static void main(String[] args) throws InterruptedException {
    depositConcurrently(new Account(), args);
  }
}
