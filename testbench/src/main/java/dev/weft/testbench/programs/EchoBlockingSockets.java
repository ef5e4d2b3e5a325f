package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * An echo server and its client in one program, over loopback with blocking {@code ServerSocket}
 * and {@code Socket}: the server accepts the client and echoes one line to it; the client checks
 * its echo. Correct whatever the order; a thread blocked in accept, connect or read must count as
 * blocked, not as stuck in code Weft does not control.
 */
@Expect(bug = false)
public final class EchoBlockingSockets {
  public static void main(String[] args) throws IOException, InterruptedException {
    Loopback.echoInTurn("alice");
  }
}
