package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.junit.InterleavingTest;
import org.junit.jupiter.api.BeforeAll;

/** Two locked deposits, each reported to a ledger that Mockito mocks inside the explored body. */
class MockedLedgerTest {
  interface Ledger {
    void record(int amount);
  }

  /**
   * The first mock of a type has Mockito generate its class, seconds of work (more with JaCoCo's
   * probes in Byte Buddy) that would count toward the first execution's timeout; later mocks of
   * the type reuse the class.
   */
  @BeforeAll
  static void generateTheMockClass() {
    mock(Ledger.class);
  }

  private int balance;

  // Each execution makes a mock: a short random search keeps the build quick.
  @InterleavingTest(strategy = StrategyKind.RANDOM, iterations = 20)
  void lockedDepositsKeepBoth() throws InterruptedException {
    Ledger ledger = mock(Ledger.class);
    Thread t = new Thread(() -> deposit(ledger, 10));
    t.start();
    deposit(ledger, 20);
    t.join();
    verify(ledger, times(1)).record(10);
    verify(ledger, times(1)).record(20);
    assertEquals(30, balance, "a deposit was lost");
  }

  private void deposit(Ledger ledger, int amount) {
    synchronized (this) {
      balance = balance + amount;
    }
    ledger.record(amount);
  }
}
