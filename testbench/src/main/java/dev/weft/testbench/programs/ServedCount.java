package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * A server over loopback sockets that takes each client's request on a handler thread of its own
 * and counts the clients it served with a volatile counter, read and written in two steps: when
 * both handlers read the count before either writes it, one client goes uncounted. The bug is in the
 * counting, not in the I/O, which must neither hide it nor raise false alarms of its own.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class ServedCount {
  private volatile int served;

  public static void main(String[] args) throws IOException, InterruptedException {
    ServedCount counter = new ServedCount();
    Loopback.servePerClientThread(() -> counter.served = counter.served + 1, 2);
    assert counter.served == 2 : "served " + counter.served + " of 2 clients";
  }
}
