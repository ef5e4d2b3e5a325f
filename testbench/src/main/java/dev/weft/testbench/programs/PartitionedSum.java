package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * Two threads each sum their own half of an array into their own slot; the main thread adds the
 * slots after joining both. Correct with no lock at all: the threads touch disjoint elements, and
 * start and join order everything else. Its thousands of plain array accesses make it the corpus's
 * measure of what race detection costs per access.
 */
@Expect(bug = false)
public final class PartitionedSum {
  private static final int SIZE = 2_000;

  public static void main(String[] args) throws InterruptedException {
    int[] data = new int[SIZE];
    for (int i = 0; i < SIZE; i++) data[i] = i;
    long[] partial = new long[2];
    Threads.runConcurrently(() -> sum(data, 0, SIZE / 2, partial, 0),
        () -> sum(data, SIZE / 2, SIZE, partial, 1));
    long total = partial[0] + partial[1];
    assert total == (long) SIZE * (SIZE - 1) / 2 : "sum is " + total;
  }

  private static void sum(int[] data, int from, int to, long[] partial, int slot) {
    for (int i = from; i < to; i++) partial[slot] += data[i];
  }
}
