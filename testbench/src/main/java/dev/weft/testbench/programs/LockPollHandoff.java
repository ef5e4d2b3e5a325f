package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link LockPollEarlyPublish}'s twin: the producer writes the message and sets the flag in one
 * critical section. It terminates in every fair schedule, and systematic search proves it, since
 * the consumer's polls under the lock give way to the producer.
 */
@Expect(bug = false)
public final class LockPollHandoff {
  public static void main(String[] args) throws InterruptedException {
    LockPollEarlyPublish.handOff(LockPollHandoff::publish);
  }

  static void publish(LockPollEarlyPublish.Mailbox box, String message) {
    box.locked(() -> {
      box.message = message;
      box.full = true;
    });
  }
}
