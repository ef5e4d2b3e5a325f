package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A mailbox handed over by compare-and-set, published too early. The consumer spins on a {@code
 * compareAndSet(FULL, TAKEN)} that fails until the producer has marked the mailbox full; this
 * producer marks it full before it writes the message, so a consumer that takes the mailbox in
 * between reads no message.
 *
 * <p>The spin is a failing compare-and-set, not a read: it writes nothing while it fails, so the
 * consumer gives way to the producer instead of running its loop forever under a strategy that
 * keeps the running thread (systematic search).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class CasSpinHandoff {
  static final int EMPTY = 0;
  static final int FULL = 1;
  static final int TAKEN = 2;
  static final String MESSAGE = "hello";

  static final class Mailbox {
    volatile int state = EMPTY;
    volatile String message;
  }

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Mailbox.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** How the producer fills the mailbox. */
  interface Producer {
    void fill(Mailbox box, String message);
  }

  static void handOff(Producer producer) throws InterruptedException {
    Mailbox box = new Mailbox();
    Threads.startAndJoin(
        Threads.named("consumer", () -> {
          while (!STATE.compareAndSet(box, FULL, TAKEN)) {
            // the producer has not filled it yet
          }
          assert MESSAGE.equals(box.message) : "took a mailbox without a message: " + box.message;
        }),
        Threads.named("producer", () -> producer.fill(box, MESSAGE)));
  }

  public static void main(String[] args) throws InterruptedException {
    handOff((box, message) -> {
      STATE.compareAndSet(box, EMPTY, FULL); // announces the message before it is there
      box.message = message;
    });
  }
}
