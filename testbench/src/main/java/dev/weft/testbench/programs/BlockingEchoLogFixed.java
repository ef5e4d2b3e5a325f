package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * {@link BlockingEchoLog}'s twin: the server logs before it answers, so the echo can reach the
 * client only after the log. Correct whatever the order; a thread blocked in accept, connect or
 * read must count as blocked, not as stuck.
 */
@Expect(bug = false)
public final class BlockingEchoLogFixed {
  private volatile boolean logged;

  public static void main(String[] args) throws IOException, InterruptedException {
    BlockingEchoLogFixed log = new BlockingEchoLogFixed();
    Loopback.serveInTurn((line, reply) -> {
      log.logged = true;
      reply.println(line);
    }, () -> {
      assert log.logged : "the client has its echo, but the server has not logged it";
    }, "alice");
  }
}
