package dev.weft.samples.harness;

import dev.weft.explorer.harness.CrashPoint;
import dev.weft.explorer.harness.Mailbox;
import dev.weft.explorer.harness.Supervisor;
import java.util.concurrent.atomic.AtomicInteger;

/** Services whose recovery from a crash or a killed worker the chaos tests check. */
public final class Recovery {
  private Recovery() {}

  /** Two accounts holding 100 between them. */
  public static final class Accounts {
    /** Reached by a transfer between its debit and its credit. */
    public static final CrashPoint DEBITED = new CrashPoint("debited");

    private int a = 100;
    private int b;

    public synchronized void withdraw(int amount) {
      a -= amount;
    }

    public synchronized void deposit(int amount) {
      b += amount;
    }

    /** Both steps at once: a crash before it leaves both accounts as they were. */
    public synchronized void transfer(int amount) {
      a -= amount;
      b += amount;
    }

    /** Debits, then credits: a crash between the two loses the amount. */
    public synchronized void transferInSteps(int amount) {
      a -= amount;
      DEBITED.reach();
      b += amount;
    }

    /** Puts the debit back when anything fails before the credit, as a transaction would. */
    public synchronized void transferTransactionally(int amount) {
      a -= amount;
      try {
        DEBITED.reach();
      } catch (RuntimeException e) {
        a += amount;
        throw e;
      }
      b += amount;
    }

    public synchronized int total() {
      return a + b;
    }
  }

  /** Counts the jobs its workers have done; its work goes through a {@link Supervisor}. */
  public static final class Jobs implements Mailbox.HasMailbox {
    private final Supervisor workers;
    private final AtomicInteger done = new AtomicInteger();

    public Jobs(Supervisor workers) {
      this.workers = workers.start();
    }

    public void job() {
      done.incrementAndGet();
    }

    public int done() {
      return done.get();
    }

    public int restarts() {
      return workers.restarts();
    }

    public int deaths() {
      return workers.deaths();
    }

    @Override
    public Mailbox mailbox() {
      return workers;
    }
  }
}
