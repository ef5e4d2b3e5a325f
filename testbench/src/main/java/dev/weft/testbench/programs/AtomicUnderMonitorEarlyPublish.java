package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A message announced by an {@code AtomicBoolean} that the consumer polls under the mailbox's
 * monitor, published too early: this producer sets the flag before it takes the monitor to write
 * the message, so a consumer that polls in between takes a mailbox without a message.
 *
 * <p>The consumer's section calls {@code full.get()}, a final getter that only reads and is a
 * scheduling point of its own: the section still only reads, so the consumer gives way to the
 * producer once nothing has been written since its last polls.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class AtomicUnderMonitorEarlyPublish {
  static final String MESSAGE = "hello";

  static final class Mailbox {
    final AtomicBoolean full = new AtomicBoolean();
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
              if (box.full.get()) break;
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
      box.full.set(true); // announces the message before it is there
      synchronized (box) {
        box.message = message;
      }
    });
  }
}
