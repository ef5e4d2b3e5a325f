package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link PhaserLateRegistration}'s twin: main registers each task before starting it, so the phase
 * cannot end before every task has arrived.
 *
 * <p>Size: tasks ({@code args[0]}, default 2).
 */
@Expect(bug = false)
public final class PhaserLateRegistrationFixed {
  public static void main(String[] args) throws InterruptedException {
    PhaserLateRegistration.runTasks(true, args);
  }
}
