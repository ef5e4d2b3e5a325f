package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SleepingWorkerSwallowsInterrupt}'s twin: the worker restores the interrupt a nap caught, so
 * the loop's check sees it wherever the interrupt landed.
 *
 * <p>The worker polls until main interrupts it, so this is correct only in fair schedules: one that
 * never lets main run again is a livelock that the program cannot prevent. Weft's spin detection
 * keeps the schedules it explores fair here (a thread that re-reads its interrupt flag with nothing
 * written steps aside while another can run); before it, PCT reported this program as a livelock.
 */
@Expect(bug = false)
public final class SleepingWorkerCancellation {
  public static void main(String[] args) throws InterruptedException {
    SleepingWorkerSwallowsInterrupt.cancel(e -> Thread.currentThread().interrupt());
  }
}
