package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
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
 * An echo server on one thread with a {@code Selector} over non-blocking channels, and a client
 * with a blocking {@code SocketChannel}, over loopback: the server accepts, echoes each line back
 * and stops when its client has closed; the client checks its echo. Correct whatever the order; a
 * thread blocked in {@code select}, connect or read must count as blocked, not as stuck.
 */
@Expect(bug = false)
public final class EchoNioChannels {
  private static final int CLIENTS = 1;

  public static void main(String[] args) throws IOException, InterruptedException {
    try (Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CLIENTS);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
      Threads.startAndJoin(
          Threads.named("server", Loopback.failing(() -> serve(selector, server))),
          Threads.named("alice", Loopback.failing(() -> ask(address, "alice"))));
    }
  }

  private static void serve(Selector selector, ServerSocketChannel server) throws IOException {
    int closed = 0;
    while (closed < CLIENTS) {
      selector.select();
      for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
        SelectionKey key = keys.next();
        keys.remove();
        if (key.isAcceptable()) {
          SocketChannel client = server.accept();
          client.configureBlocking(false);
          client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64));
        } else if (key.isReadable() && !echo(key)) {
          key.cancel();
          key.channel().close();
          closed++;
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

  private static void ask(InetSocketAddress server, String message) throws IOException {
    try (SocketChannel channel = SocketChannel.open(server)) {
      channel.write(StandardCharsets.UTF_8.encode(message + "\n"));
      ByteBuffer answer = ByteBuffer.allocate(64);
      while (answer.position() == 0 || answer.get(answer.position() - 1) != '\n') {
        if (channel.read(answer) < 0) break;
      }
      answer.flip();
      String echoed = StandardCharsets.UTF_8.decode(answer).toString().strip();
      if (!message.equals(echoed)) {
        throw new AssertionError("sent " + message + ", the echo was " + echoed);
      }
    }
  }
}
