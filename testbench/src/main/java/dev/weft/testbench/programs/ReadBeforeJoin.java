package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Main starts a worker that stores its result in a volatile field, and reads the field before
 * joining the worker: when main runs first, it sees no result yet.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class ReadBeforeJoin {
  static final int ANSWER = 42;

  private volatile int result; // 0 until the worker sets it

  public static void main(String[] args) throws InterruptedException {
    ReadBeforeJoin job = new ReadBeforeJoin();
    Thread worker = new Thread(() -> job.result = ANSWER);
    worker.start();
    int seen = job.result;
    assert seen == ANSWER : "read before join: result is " + seen + ", expected " + ANSWER;
    worker.join();
  }
}
