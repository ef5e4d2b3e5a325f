package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A mailbox polled under its monitor through a getter of its own, published too early: this
 * producer sets the flag in one {@code synchronized} block and writes the message in the next, so
 * a consumer that polls in between takes a mailbox without a message.
 *
 * <p>The consumer's section calls {@code isFull()}, a private method that only reads: no override
 * can run instead of it, so the section still only reads, and the consumer gives way to the
 * producer once nothing has been written since its last polls.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class GetterPollEarlyPublish {
  static final String MESSAGE = "hello";

  static final class Mailbox {
    private boolean full; // guarded by this
    private String message; // guarded by this

    void awaitFull() {
      while (true) {
        synchronized (this) {
          if (isFull()) break;
        }
      }
    }

    private boolean isFull() {
      return full;
    }

    synchronized String message() {
      return message;
    }

    synchronized void announce() {
      full = true;
    }

    synchronized void put(String m, boolean announce) {
      message = m;
      full |= announce;
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
          box.awaitFull();
          String m = box.message();
          assert MESSAGE.equals(m) : "took a mailbox without a message: " + m;
        }),
        Threads.named("producer", () -> producer.fill(box, MESSAGE)));
  }

  public static void main(String[] args) throws InterruptedException {
    handOff((box, message) -> {
      box.announce(); // announces the message before it is there
      box.put(message, false);
    });
  }
}
