package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link TryLockPollEarlyPublish}'s twin: the producer writes the message and sets the flag in one
 * critical section. Systematic search proves it.
 */
@Expect(bug = false)
public final class TryLockPollHandoff {
  public static void main(String[] args) throws InterruptedException {
    TryLockPollEarlyPublish.handOff(LockPollHandoff::publish);
  }
}
