package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A mailbox handed over under a {@code ReentrantLock}, published too early. The consumer polls a
 * plain {@code full} flag under the lock until it is set, then reads the message; this producer
 * sets the flag in one critical section and writes the message in the next, so a consumer that
 * polls in between takes a mailbox without a message.
 *
 * <p>The consumer takes and releases the lock each time around, writing nothing under it: a
 * section that only reads, so it gives way to the producer once nothing has been written since its
 * last polls, instead of polling forever under systematic search. A producer woken inside {@code
 * lock()} while the consumer holds the lock waits until it is free, so the consumer retaking the
 * lock ahead of it every time is no livelock either.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class LockPollEarlyPublish {
  static final String MESSAGE = "hello";

  static final class Mailbox {
    final ReentrantLock lock = new ReentrantLock();
    boolean full; // guarded by lock
    String message; // guarded by lock

    /** Polls the flag under the lock until it is set. */
    void awaitFull() {
      while (true) {
        lock.lock();
        try {
          if (full) break;
        } finally {
          lock.unlock();
        }
      }
    }

    /** The same through {@code tryLock()}: reads the flag when it gets the lock. */
    void awaitFullTrying() {
      while (true) {
        if (lock.tryLock()) {
          try {
            if (full) break;
          } finally {
            lock.unlock();
          }
        }
      }
    }

    /** Runs {@code action} holding the lock. */
    void locked(Runnable action) {
      lock.lock();
      try {
        action.run();
      } finally {
        lock.unlock();
      }
    }
  }

  /** How the producer fills the mailbox. */
  interface Producer {
    void fill(Mailbox box, String message);
  }

  static void handOff(Producer producer) throws InterruptedException {
    handOff(Mailbox::awaitFull, producer);
  }

  /** The consumer polls the mailbox with {@code await}, then reads its message. */
  static void handOff(Consumer<Mailbox> await, Producer producer) throws InterruptedException {
    Mailbox box = new Mailbox();
    Threads.startAndJoin(
        Threads.named("consumer", () -> {
          await.accept(box);
          box.locked(() -> {
            assert MESSAGE.equals(box.message) : "took a mailbox without a message: " + box.message;
          });
        }),
        Threads.named("producer", () -> producer.fill(box, MESSAGE)));
  }

  public static void main(String[] args) throws InterruptedException {
    handOff(LockPollEarlyPublish::publishEarly);
  }

  static void publishEarly(Mailbox box, String message) {
    box.locked(() -> box.full = true); // announces the message before it is there
    box.locked(() -> box.message = message);
  }
}
