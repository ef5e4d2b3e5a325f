package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link ReadBeforeJoin}'s twin: main joins the worker before reading its result. */
@Expect(bug = false)
public final class ReadAfterJoin {
  private volatile int result; // 0 until the worker sets it

  public static void main(String[] args) throws InterruptedException {
    ReadAfterJoin job = new ReadAfterJoin();
    Thread worker = new Thread(() -> job.result = ReadBeforeJoin.ANSWER);
    worker.start();
    worker.join();
    int seen = job.result;
    assert seen == ReadBeforeJoin.ANSWER : "read after join: result is " + seen;
  }
}
