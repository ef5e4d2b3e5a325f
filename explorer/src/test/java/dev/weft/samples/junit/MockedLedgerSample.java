package dev.weft.samples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.junit.ExplorationDefaults;
import dev.weft.explorer.junit.InterleavingTest;

/**
 * Run only by {@code InterleavingExtensionTest} through the JUnit launcher: tests that mock a
 * collaborator with Mockito inside the explored body, as a user's tests do, in the same JVM as
 * Weft's agent. Two deposits record themselves on a mocked ledger; the unlocked one loses one.
 */
@ExplorationDefaults(strategy = StrategyKind.DFS, iterations = 2_000)
public class MockedLedgerSample {
  /** What the account reports each deposit to; mocked. */
  public interface Ledger {
    void record(int amount);
  }

  private volatile int balance;

  @InterleavingTest
  void unlockedDepositsLoseOne() throws InterruptedException {
    depositTwice(false);
  }

  @InterleavingTest
  void lockedDepositsKeepBoth() throws InterruptedException {
    depositTwice(true);
  }

  private void depositTwice(boolean locked) throws InterruptedException {
    Ledger ledger = mock(Ledger.class);
    Thread t = new Thread(() -> deposit(ledger, 10, locked));
    t.start();
    deposit(ledger, 20, locked);
    t.join();
    verify(ledger, times(1)).record(10);
    verify(ledger, times(1)).record(20);
    assertEquals(30, balance, "a deposit was lost");
  }

  private void deposit(Ledger ledger, int amount, boolean locked) {
    if (locked) {
      synchronized (this) {
        balance = balance + amount;
      }
    } else {
      balance = balance + amount;
    }
    ledger.record(amount);
  }
}
