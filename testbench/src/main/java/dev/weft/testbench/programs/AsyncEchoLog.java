package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * An echo server and client in the asynchronous style ({@link AsyncLoopback}): the server's
 * completion handler logs each echo once it is written, and the client takes its echo as proof
 * that the server has logged it. But the echo reaches the client as soon as it is written, before
 * the handler, on a thread of the channel group, has logged it: when the client checks first, the
 * log is empty. The bug needs the group's thread to fall behind; the I/O must neither hide it nor
 * raise false alarms of its own.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class AsyncEchoLog {
  private volatile boolean logged;

  public static void main(String[] args)
      throws IOException, InterruptedException, ExecutionException {
    AsyncEchoLog log = new AsyncEchoLog();
    AsyncLoopback.echoOnce(() -> log.logged = true);
    assert log.logged : "the client has its echo, but the server has not logged it";
  }
}
