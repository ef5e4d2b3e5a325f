package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link GetterPollEarlyPublish}'s twin: the producer writes the message and sets the flag in one
 * {@code synchronized} method. Systematic search proves it.
 */
@Expect(bug = false)
public final class GetterPollHandoff {
  public static void main(String[] args) throws InterruptedException {
    GetterPollEarlyPublish.handOff((box, message) -> box.put(message, true));
  }
}
