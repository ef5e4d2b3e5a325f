package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * An echo server and its client over loopback with blocking {@code ServerSocket} and {@code
 * Socket}: the server answers the client's line, then logs that it served it; the client, once it
 * has its echo, takes the answer as proof that the server has logged it. But the echo reaches the
 * client as soon as it is written: when the client, woken from its read, checks before the server
 * goes on to log, the log is empty. The bug needs the client to run between the server's write and
 * its next line; the blocking I/O must neither hide it nor raise false alarms of its own.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class BlockingEchoLog {
  private volatile boolean logged;

  public static void main(String[] args) throws IOException, InterruptedException {
    BlockingEchoLog log = new BlockingEchoLog();
    Loopback.serveInTurn((line, reply) -> {
      reply.println(line);
      log.logged = true;
    }, () -> {
      assert log.logged : "the client has its echo, but the server has not logged it";
    }, "alice");
  }
}
