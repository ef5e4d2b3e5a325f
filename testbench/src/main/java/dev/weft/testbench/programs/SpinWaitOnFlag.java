package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * A correct spin-wait: the consumer spins on a volatile flag until the producer, having written the
 * data first, raises it. Every volatile read is a scheduling point, so the producer can always run,
 * and the spin ends in every fair schedule. Only in fair ones: a schedule that never runs the
 * producer spins forever. Weft's spin detection keeps the schedules it explores fair (a thread that
 * re-reads the flag with nothing written steps aside while another can run).
 */
@Expect(bug = false)
public final class SpinWaitOnFlag {
  static final int ANSWER = 42;

  private volatile int data;
  private volatile boolean ready;

  public static void main(String[] args) throws InterruptedException {
    SpinWaitOnFlag box = new SpinWaitOnFlag();
    Threads.startAndJoin(
        Threads.named("consumer", () -> {
          while (!box.ready) Thread.yield();
          assert box.data == ANSWER : "spin-wait: data is " + box.data;
        }),
        Threads.named("producer", () -> {
          box.data = ANSWER;
          box.ready = true;
        }));
  }
}
