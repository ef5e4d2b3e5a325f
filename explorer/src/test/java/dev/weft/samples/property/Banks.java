package dev.weft.samples.property;

import java.util.Arrays;

/** Banks for concurrent scenarios: one transfers without a lock and loses money, one does not. */
public final class Banks {
  private Banks() {}

  /** One account; volatile, so every read and write is a step Weft can interleave. */
  static final class Account {
    volatile int balance;

    Account(int balance) {
      this.balance = balance;
    }
  }

  /** Checks the balance, then debits and credits by reading and writing: transfers can interleave. */
  public static class Unlocked {
    private final Account[] accounts;

    public Unlocked(int... balances) {
      accounts = Arrays.stream(balances).mapToObj(Account::new).toArray(Account[]::new);
    }

    /** Moves {@code amount} when {@code from} holds that much; whether it did. */
    public boolean transfer(int from, int to, int amount) {
      if (accounts[from].balance < amount) return false;
      accounts[from].balance = accounts[from].balance - amount;
      accounts[to].balance = accounts[to].balance + amount;
      return true;
    }

    public int total() {
      return Arrays.stream(accounts).mapToInt(a -> a.balance).sum();
    }

    public boolean noneNegative() {
      return Arrays.stream(accounts).allMatch(a -> a.balance >= 0);
    }

    @Override
    public String toString() {
      return getClass().getSimpleName()
          + Arrays.toString(Arrays.stream(accounts).mapToInt(a -> a.balance).toArray());
    }
  }

  /** The same bank with every method under its lock. */
  public static final class Locked extends Unlocked {
    public Locked(int... balances) {
      super(balances);
    }

    @Override
    public synchronized boolean transfer(int from, int to, int amount) {
      return super.transfer(from, to, amount);
    }

    @Override
    public synchronized int total() {
      return super.total();
    }

    @Override
    public synchronized boolean noneNegative() {
      return super.noneNegative();
    }
  }
}
