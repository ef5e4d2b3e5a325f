package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * {@link NioAcceptCount}'s twin: the client checks the count once it has its echo, which the
 * server can only send after it has accepted the connection. Correct whatever the order.
 */
@Expect(bug = false)
public final class NioAcceptCountFixed {
  private volatile int accepted;

  public static void main(String[] args) throws IOException, InterruptedException {
    NioAcceptCountFixed server = new NioAcceptCountFixed();
    SelectorLoopback.echoOnce(() -> server.accepted++, () -> { }, () -> {
      int seen = server.accepted;
      assert seen == 1 : "echoed, but the server has accepted " + seen;
    });
  }
}
