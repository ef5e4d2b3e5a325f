package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SynchronizedPollEarlyPublish}'s twin: the producer writes the message and sets the flag in
 * one {@code synchronized} block. It terminates in every fair schedule, and systematic search
 * proves it, since the consumer's polls under the monitor give way to the producer.
 */
@Expect(bug = false)
public final class SynchronizedPollHandoff {
  public static void main(String[] args) throws InterruptedException {
    SynchronizedPollEarlyPublish.handOff((box, message) -> {
      synchronized (box) {
        box.message = message;
        box.full = true;
      }
    });
  }
}
