package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AsynchronousChannelProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Socket I/O between controlled threads: a blocked call gives the turn away and counts as blocked
 * until the kernel says the socket is ready (the corpus's echo programs show that whole programs
 * run and replay), and asynchronous channels complete on controlled threads of the execution's
 * own; what Weft cannot control is refused as its own limit.
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
  void aGroupTheProgramMakesRunsOnControlledThreads() {
    // Its one thread is started inside the execution: waiting for I/O it counts as blocked, and
    // the program's shutdown ends it.
    ExplorationResult result = Weft.exploreInterleavings(
        Budget.options(StrategyKind.DFS, 1, "SocketsTest.own-group").iterations(5_000).build(),
        () -> {
          AsynchronousChannelGroup group = AsynchronousChannelGroup.withFixedThreadPool(1,
              Thread::new);
          try (AsynchronousServerSocketChannel server =
                  AsynchronousServerSocketChannel.open(group);
              AsynchronousSocketChannel client = AsynchronousSocketChannel.open(group)) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Future<AsynchronousSocketChannel> accepted = server.accept();
            client.connect(server.getLocalAddress()).get();
            try (AsynchronousSocketChannel peer = accepted.get()) {
              client.write(ByteBuffer.wrap(new byte[] {42})).get();
              ByteBuffer in = ByteBuffer.allocate(1);
              assertEquals(1, peer.read(in).get());
              assertEquals(42, in.get(0));
            }
          } finally {
            group.shutdownNow();
          }
        });
    result.assertNoFailure();
    assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void anAsynchronousReadTimesOutOnVirtualTime() {
    // The group's timeout thread is the JDK's own: controlled, and not waited for at the end.
    Weft.exploreInterleavings(options("async-timeout").build(), () -> {
      try (AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open();
          AsynchronousSocketChannel client = AsynchronousSocketChannel.open()) {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Future<AsynchronousSocketChannel> accepted = server.accept();
        client.connect(server.getLocalAddress()).get();
        try (AsynchronousSocketChannel peer = accepted.get()) {
          CompletableFuture<Throwable> outcome = new CompletableFuture<>();
          // An hour: the run would hang if it were real time.
          peer.read(ByteBuffer.allocate(1), 1, TimeUnit.HOURS, null,
              new CompletionHandler<Integer, Void>() {
                @Override
                public void completed(Integer read, Void none) {
                  outcome.complete(null);
                }

                @Override
                public void failed(Throwable e, Void none) {
                  outcome.complete(e);
                }
              });
          assertTrue(outcome.get() instanceof InterruptedByTimeoutException,
              String.valueOf(outcome.get()));
        }
      }
    }).assertNoFailure();
  }

  @Test
  void eachExecutionClosesItsDefaultGroup() {
    // Each execution that opens an asynchronous channel gets a group of its own, with an epoll
    // descriptor and a wake-up pipe: left open, they would pile up execution after execution.
    int before = openDescriptors();
    Weft.exploreInterleavings(options("async-closed").iterations(100).build(), () -> {
      try (AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open()) {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.accept(); // still pending when the execution ends
      }
    }).assertNoFailure();
    int grown = openDescriptors() - before;
    assertTrue(grown < 50, "100 executions left " + grown + " more descriptors open");
  }

  private static int openDescriptors() {
    return new File("/proc/self/fd").list().length;
  }

  @Test
  void aGroupOfAnotherProviderIsRefusedAsWeftsLimitNamingIt() {
    ExplorationResult result = Weft.exploreInterleavings(options("other-provider").build(),
        () -> new ForeignGroup(new ForeignProvider()));
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.UNCONTROLLED, f.kind(), f.message());
    assertEquals(1, result.executions(), "the exploration stops at once");
    assertTrue(f.summary().startsWith("T0 uses an AsynchronousChannelGroup of "
        + ForeignProvider.class.getName() + ". Weft controls asynchronous channels only through"
        + " the JDK's own provider"), f.summary());
  }

  /** A provider other than the JDK's, whose groups' threads Weft knows nothing of. */
  private static final class ForeignProvider extends AsynchronousChannelProvider {
    @Override
    public AsynchronousChannelGroup openAsynchronousChannelGroup(int n, ThreadFactory factory) {
      return new ForeignGroup(this);
    }

    @Override
    public AsynchronousChannelGroup openAsynchronousChannelGroup(ExecutorService pool, int n) {
      return new ForeignGroup(this);
    }

    @Override
    public AsynchronousServerSocketChannel openAsynchronousServerSocketChannel(
        AsynchronousChannelGroup group) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AsynchronousSocketChannel openAsynchronousSocketChannel(
        AsynchronousChannelGroup group) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class ForeignGroup extends AsynchronousChannelGroup {
    ForeignGroup(AsynchronousChannelProvider provider) {
      super(provider);
    }

    @Override
    public boolean isShutdown() {
      return true;
    }

    @Override
    public boolean isTerminated() {
      return true;
    }

    @Override
    public void shutdown() { }

    @Override
    public void shutdownNow() { }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
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
