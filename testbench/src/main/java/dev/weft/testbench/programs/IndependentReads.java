package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * Independent reads of independent writes (IRIW), with volatile fields: two writers each write one
 * variable, and two readers read both, in opposite orders. Volatile accesses are sequentially
 * consistent, so the readers cannot disagree about which write came first: never does one see x
 * without y while the other sees y without x. Correct in every schedule; four threads, no lock.
 */
@Expect(bug = false)
public final class IndependentReads {
  private volatile int x;
  private volatile int y;

  public static void main(String[] args) throws InterruptedException {
    IndependentReads v = new IndependentReads();
    int[] seen = new int[4]; // written by the readers, read after the joins
    Threads.runConcurrently(
        () -> v.x = 1,
        () -> v.y = 1,
        () -> {
          seen[0] = v.x;
          seen[1] = v.y;
        },
        () -> {
          seen[2] = v.y;
          seen[3] = v.x;
        });
    boolean xFirst = seen[0] == 1 && seen[1] == 0;
    boolean yFirst = seen[2] == 1 && seen[3] == 0;
    assert !(xFirst && yFirst) : "the readers disagree on the order of the writes";
  }
}
