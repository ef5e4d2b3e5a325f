package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * {@link AsyncEchoLog}'s twin: the client waits for the server's log before it checks it. Correct
 * whatever the order; a thread waiting on an operation's future, and the group's thread waiting
 * for I/O, must count as blocked, not as stuck.
 */
@Expect(bug = false)
public final class AsyncEchoLogFixed {
  public static void main(String[] args)
      throws IOException, InterruptedException, ExecutionException {
    CountDownLatch logged = new CountDownLatch(1);
    AsyncLoopback.echoOnce(logged::countDown);
    logged.await();
    assert logged.getCount() == 0 : "the server has not logged the echo";
  }
}
