package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A mailbox handed over under its monitor, published too early. The consumer polls a plain {@code
 * full} flag under the monitor until it is set, then reads the message; this producer sets the flag
 * in one {@code synchronized} block and writes the message in the next, so a consumer that polls in
 * between takes a mailbox without a message.
 *
 * <p>The consumer's loop takes and releases the monitor each time around, writing nothing in it:
 * a section that only reads, so the consumer gives way to the producer once nothing has been
 * written since its last polls, instead of polling forever under a strategy that keeps the running
 * thread (systematic search).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class SynchronizedPollEarlyPublish {
  static final String MESSAGE = "hello";

  static final class Mailbox {
    boolean full; // guarded by this
    String message; // guarded by this
  }

  /** How the producer fills the mailbox. */
  interface Producer {
    void fill(Mailbox box, String message);
  }

  static void handOff(Producer producer) throws InterruptedException {
    Mailbox box = new Mailbox();
    Threads.startAndJoin(
        Threads.named("consumer", () -> {
          while (true) {
            synchronized (box) {
              if (box.full) break;
            }
          }
          synchronized (box) {
            assert MESSAGE.equals(box.message) : "took a mailbox without a message: " + box.message;
          }
        }),
        Threads.named("producer", () -> producer.fill(box, MESSAGE)));
  }

  public static void main(String[] args) throws InterruptedException {
    handOff((box, message) -> {
      synchronized (box) {
        box.full = true; // announces the message before it is there
      }
      synchronized (box) {
        box.message = message;
      }
    });
  }
}
