package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import dev.weft.testbench.programs.AbBaDeadlock.Left;
import dev.weft.testbench.programs.AbBaDeadlock.Right;

/** {@link AbBaDeadlock}'s twin: both threads take the monitors in the same order. */
@Expect(bug = false)
public final class AbBaFixed {
  public static void main(String[] args) throws InterruptedException {
    Left left = new Left();
    Right right = new Right();
    Threads.startAndJoin(
        Threads.named(AbBaDeadlock.LEFT_FIRST, () -> AbBaDeadlock.lockInOrder(left, right)),
        Threads.named("also-left-first", () -> AbBaDeadlock.lockInOrder(left, right)));
  }
}
