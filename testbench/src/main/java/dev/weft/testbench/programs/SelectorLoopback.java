package dev.weft.testbench.programs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * An echo server on one thread with a {@code Selector} over non-blocking channels, and its client
 * with a blocking {@code SocketChannel}, over loopback: the server accepts, echoes each line back
 * and stops when its client has closed; the client checks its echo.
 */
final class SelectorLoopback {
  private static final String MESSAGE = "alice";

  private SelectorLoopback() {}

  /**
   * Runs the server and its client, each on a thread of its own, and returns when both have ended.
   * The server runs {@code accepted} once it has accepted the client; the client runs {@code
   * connected} once its connect has returned, and {@code echoed} once it has its echo.
   */
  static void echoOnce(Runnable accepted, Runnable connected, Runnable echoed)
      throws IOException, InterruptedException {
    try (Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
      Threads.startAndJoin(
          Threads.named("server", Loopback.failing(() -> serve(selector, server, accepted))),
          Threads.named(MESSAGE, Loopback.failing(() -> ask(address, connected, echoed))));
    }
  }

  private static void serve(Selector selector, ServerSocketChannel server, Runnable accepted)
      throws IOException {
    boolean closed = false;
    while (!closed) {
      selector.select();
      for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
        SelectionKey key = keys.next();
        keys.remove();
        if (key.isAcceptable()) {
          SocketChannel client = server.accept();
          client.configureBlocking(false);
          client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64));
          accepted.run();
        } else if (key.isReadable() && !echo(key)) {
          key.cancel();
          key.channel().close();
          closed = true;
        }
      }
    }
  }

  /** Echoes what the key's client sent once a whole line is in; false when the client closed. */
  private static boolean echo(SelectionKey key) throws IOException {
    SocketChannel client = (SocketChannel) key.channel();
    ByteBuffer line = (ByteBuffer) key.attachment();
    if (client.read(line) < 0) return false;
    if (line.position() > 0 && line.get(line.position() - 1) == '\n') {
      line.flip();
      while (line.hasRemaining()) client.write(line);
      line.clear();
    }
    return true;
  }

  private static void ask(InetSocketAddress server, Runnable connected, Runnable echoed)
      throws IOException {
    try (SocketChannel channel = SocketChannel.open(server)) {
      connected.run();
      channel.write(StandardCharsets.UTF_8.encode(MESSAGE + "\n"));
      ByteBuffer answer = ByteBuffer.allocate(64);
      while (answer.position() == 0 || answer.get(answer.position() - 1) != '\n') {
        if (channel.read(answer) < 0) break;
      }
      answer.flip();
      String echo = StandardCharsets.UTF_8.decode(answer).toString().strip();
      if (!MESSAGE.equals(echo)) {
        throw new AssertionError("sent " + MESSAGE + ", the echo was " + echo);
      }
    }
    echoed.run();
  }
}
