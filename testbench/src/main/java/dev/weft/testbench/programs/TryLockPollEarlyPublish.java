package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import dev.weft.testbench.programs.LockPollEarlyPublish.Mailbox;

/**
 * {@link LockPollEarlyPublish} with a consumer that polls through {@code tryLock()}: it reads the
 * flag when it gets the lock, and tries again when it does not. The producer publishes too early,
 * as there.
 *
 * <p>Either way round the consumer writes nothing: a {@code tryLock} that fails is a failed
 * attempt, and one that succeeds opens a section that only reads; both give way to the producer
 * once nothing has been written since the consumer's last polls.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class TryLockPollEarlyPublish {
  static void handOff(LockPollEarlyPublish.Producer producer) throws InterruptedException {
    Mailbox box = new Mailbox();
    Threads.startAndJoin(
        Threads.named("consumer", () -> {
          while (true) {
            if (box.lock.tryLock()) {
              try {
                if (box.full) break;
              } finally {
                box.lock.unlock();
              }
            }
          }
          box.locked(() -> {
            assert LockPollEarlyPublish.MESSAGE.equals(box.message)
                : "took a mailbox without a message: " + box.message;
          });
        }),
        Threads.named("producer", () -> producer.fill(box, LockPollEarlyPublish.MESSAGE)));
  }

  public static void main(String[] args) throws InterruptedException {
    handOff((box, message) -> {
      box.locked(() -> box.full = true); // announces the message before it is there
      box.locked(() -> box.message = message);
    });
  }
}
