package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link CasSpinHandoff}'s twin: the producer writes the message, then marks the mailbox full. It
 * terminates in every fair schedule, and systematic search proves it, since the consumer's failing
 * {@code compareAndSet} gives way to the producer.
 */
@Expect(bug = false)
public final class CasSpinHandoffFixed {
  public static void main(String[] args) throws InterruptedException {
    CasSpinHandoff.handOff((box, message) -> {
      box.message = message;
      box.state = CasSpinHandoff.FULL;
    });
  }
}
