package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * A server on one thread with a {@code Selector} ({@link SelectorLoopback}) counts the connections
 * it has accepted, and its client, once its {@code SocketChannel} is connected, takes that as proof
 * that the server has counted it. But a connect returns as soon as the kernel has queued the
 * connection, before the server's selector has woken and accepted it: when the client checks
 * first, the count is still 0. The bug needs the client to run before the server's thread wakes
 * from {@code select}; the I/O must neither hide it nor raise false alarms of its own.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class NioAcceptCount {
  private volatile int accepted;

  public static void main(String[] args) throws IOException, InterruptedException {
    NioAcceptCount server = new NioAcceptCount();
    SelectorLoopback.echoOnce(() -> server.accepted++, () -> {
      int seen = server.accepted;
      assert seen == 1 : "connected, but the server has accepted " + seen;
    }, () -> { });
  }
}
