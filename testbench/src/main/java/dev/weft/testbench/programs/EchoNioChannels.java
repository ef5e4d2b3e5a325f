package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.io.IOException;

/**
 * An echo server on one thread with a {@code Selector} over non-blocking channels, and a client
 * with a blocking {@code SocketChannel}, over loopback ({@link SelectorLoopback}): the server
 * accepts, echoes each line back and stops when its client has closed; the client checks its echo.
 * Correct whatever the order; a thread blocked in {@code select}, connect or read must count as
 * blocked, not as stuck.
 */
@Expect(bug = false)
public final class EchoNioChannels {
  public static void main(String[] args) throws IOException, InterruptedException {
    Runnable nothing = () -> { };
    SelectorLoopback.echoOnce(nothing, nothing, nothing);
  }
}
