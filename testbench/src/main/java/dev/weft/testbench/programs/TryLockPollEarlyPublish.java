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
    LockPollEarlyPublish.handOff(Mailbox::awaitFullTrying, producer);
  }

  public static void main(String[] args) throws InterruptedException {
    handOff(LockPollEarlyPublish::publishEarly);
  }
}
