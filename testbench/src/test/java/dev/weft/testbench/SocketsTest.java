package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Socket I/O between controlled threads: a blocked call gives the turn away and counts as blocked
 * until the kernel says the socket is ready (the corpus's echo programs show that whole programs
 * run and replay); what Weft cannot control is refused as its own limit.
 */
class SocketsTest {
  private static Options.Builder options(String name) {
    return Budget.options(StrategyKind.RANDOM, 1, "SocketsTest." + name).iterations(20);
  }

  @Test
  void readersThatWaitForEachOtherAreADeadlockNamingTheirSockets() {
    // Half the execution timeout is how long the kernel is given to make a socket ready once no
    // thread can run; the rest leaves ample room before the execution's own deadline.
    ExplorationResult result = Weft.exploreInterleavings(options("deadlock").iterations(1)
        .executionTimeout(Duration.ofSeconds(4)).shrink(false).build(), SocketsTest::bothRead);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.DEADLOCK, f.kind(), f.message());
    assertTrue(f.message().contains("waits for FileDescriptor#"), f.message());
    assertTrue(f.message().contains("to be ready at SocketsTest.java:"), f.message());
  }

  /** Server and client each wait for the other to speak first. */
  private static void bothRead() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(io(() -> {
        try (Socket client = server.accept()) {
          client.getInputStream().read();
        }
      }));
      serving.start();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        socket.getInputStream().read();
      }
      serving.join();
    }
  }

  @Test
  void aReadTimeoutFiresOnVirtualTimeWhenNothingElseCanRun() {
    Weft.exploreInterleavings(options("timeout").build(), () -> {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          Socket accepted = server.accept()) {
        accepted.setSoTimeout(3_600_000); // an hour: the run would hang if it were real time
        assertThrows(SocketTimeoutException.class, () -> accepted.getInputStream().read());
      }
    }).assertNoFailure();
  }

  @Test
  void aNonBlockingChannelStaysNonBlocking() {
    Weft.exploreInterleavings(options("non-blocking").build(), () -> {
      try (ServerSocketChannel server = ServerSocketChannel.open()) {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        assertEquals(null, server.accept(), "no client yet: accept returns at once");
        try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
            SocketChannel accepted = acceptOne(server)) {
          accepted.configureBlocking(false);
          assertEquals(0, accepted.read(ByteBuffer.allocate(8)), "nothing sent: read returns 0");
        }
      }
    }).assertNoFailure();
  }

  /** The connection a client has made, once the kernel has queued it. */
  private static SocketChannel acceptOne(ServerSocketChannel server) throws IOException {
    server.configureBlocking(true);
    return server.accept();
  }

  @Test
  void anAsynchronousChannelIsRefusedAsWeftsLimitNamingTheApi() {
    ExplorationResult result = Weft.exploreInterleavings(options("asynchronous").build(), () -> {
      try (AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open()) {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      }
    });
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.UNCONTROLLED, f.kind(), f.message());
    assertEquals(1, result.executions(), "the exploration stops at once");
    assertTrue(f.summary().startsWith("T0 uses AsynchronousServerSocketChannel. Weft does not"
        + " control asynchronous channels"), f.summary());
  }

  /** A thread body that may throw I/O exceptions, which fail the thread. */
  private interface Io {
    void run() throws IOException;
  }

  private static Runnable io(Io body) {
    return () -> {
      try {
        body.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
