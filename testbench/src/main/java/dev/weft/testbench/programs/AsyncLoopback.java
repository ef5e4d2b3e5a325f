package dev.weft.testbench.programs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * An echo server and its client in the asynchronous style, over loopback, on the JDK's default
 * channel group: the server's accept, read and write complete through completion handlers on the
 * group's threads; the client waits on the futures of its connect, write and reads.
 */
final class AsyncLoopback {
  private static final String MESSAGE = "alice";

  private AsyncLoopback() {}

  /**
   * Opens a server on a fresh loopback port that echoes one line to its first client, runs {@code
   * echoed} once the echo is written, then closes the connection; the calling thread is the client
   * and checks its echo. Returns when the client has its echo.
   */
  static void echoOnce(Runnable echoed)
      throws IOException, InterruptedException, ExecutionException {
    try (AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      server.accept(null, new Accepted(echoed));
      ask(server.getLocalAddress());
    }
  }

  /** The client: sends the message as a line and checks that the same line comes back. */
  private static void ask(SocketAddress server)
      throws IOException, InterruptedException, ExecutionException {
    try (AsynchronousSocketChannel channel = AsynchronousSocketChannel.open()) {
      channel.connect(server).get();
      ByteBuffer request = StandardCharsets.UTF_8.encode(MESSAGE + "\n");
      while (request.hasRemaining()) channel.write(request).get();
      ByteBuffer answer = ByteBuffer.allocate(64);
      while (!endsLine(answer)) {
        if (channel.read(answer).get() < 0) break;
      }
      answer.flip();
      String echoed = StandardCharsets.UTF_8.decode(answer).toString().strip();
      if (!MESSAGE.equals(echoed)) {
        throw new AssertionError("sent " + MESSAGE + ", the echo was " + echoed);
      }
    }
  }

  private static boolean endsLine(ByteBuffer buffer) {
    return buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n';
  }

  /** A connection accepted: reads its line. */
  private record Accepted(Runnable echoed)
      implements CompletionHandler<AsynchronousSocketChannel, Void> {
    @Override
    public void completed(AsynchronousSocketChannel client, Void none) {
      ByteBuffer line = ByteBuffer.allocate(64);
      client.read(line, line, new Reading(client, echoed));
    }

    @Override
    public void failed(Throwable e, Void none) {
      throw new AssertionError("the server could not accept its client", e);
    }
  }

  /** Reads until a whole line is in, then writes it back. */
  private record Reading(AsynchronousSocketChannel client, Runnable echoed)
      implements CompletionHandler<Integer, ByteBuffer> {
    @Override
    public void completed(Integer read, ByteBuffer line) {
      if (read < 0) throw new AssertionError("the client closed before its line was in");
      if (!endsLine(line)) {
        client.read(line, line, this);
        return;
      }
      line.flip();
      client.write(line, line, new Writing(client, echoed));
    }

    @Override
    public void failed(Throwable e, ByteBuffer line) {
      throw new AssertionError("the server could not read its client's line", e);
    }
  }

  /** Writes until the whole echo is out, then runs {@code echoed} and closes the connection. */
  private record Writing(AsynchronousSocketChannel client, Runnable echoed)
      implements CompletionHandler<Integer, ByteBuffer> {
    @Override
    public void completed(Integer written, ByteBuffer line) {
      if (line.hasRemaining()) {
        client.write(line, line, this);
        return;
      }
      echoed.run();
      try {
        client.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void failed(Throwable e, ByteBuffer line) {
      throw new AssertionError("the server could not write its echo", e);
    }
  }
}
