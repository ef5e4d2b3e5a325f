package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link AtomicUnderMonitorEarlyPublish}'s twin: the producer writes the message and sets the flag
 * under the monitor. Systematic search proves it.
 */
@Expect(bug = false)
public final class AtomicUnderMonitorHandoff {
  public static void main(String[] args) throws InterruptedException {
    AtomicUnderMonitorEarlyPublish.handOff((box, message) -> {
      synchronized (box) {
        box.message = message;
        box.full.set(true);
      }
    });
  }
}
