package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ServedCount}'s twin: the handlers count with one atomic increment. */
@Expect(bug = false)
public final class ServedCountFixed {
  public static void main(String[] args) throws IOException, InterruptedException {
    AtomicInteger served = new AtomicInteger();
    Loopback.servePerClientThread(served::incrementAndGet, 2);
    assert served.get() == 2 : "served " + served.get() + " of 2 clients";
  }
}
