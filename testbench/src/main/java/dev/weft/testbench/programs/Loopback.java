package dev.weft.testbench.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Servers and clients on the loopback interface, so that each socket program shows only its logic.
 * Every server socket is bound to a fresh port before the program's threads start, so its clients
 * know where to connect.
 */
final class Loopback {
  private Loopback() {}

  /** What one thread of a socket program does. */
  @FunctionalInterface
  interface Io {
    void run() throws IOException, InterruptedException;
  }

  /** What a server does with the line a client sent; {@code reply} answers the client. */
  @FunctionalInterface
  interface Handler {
    void handle(String line, PrintWriter reply);
  }

  /** The echo server's handler: the line goes back as it came. */
  static final Handler ECHO = (line, reply) -> reply.println(line);

  /** {@code io} as a thread's body: an I/O failure fails the thread. */
  static Threads.Body failing(Io io) {
    return () -> {
      try {
        io.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * An echo server that accepts each client in turn and echoes one line to it, and one client
   * thread per name in {@code clients}, each checking its echo; returns when all have ended.
   */
  static void echoInTurn(String... clients) throws IOException, InterruptedException {
    serveInTurn(ECHO, () -> { }, clients);
  }

  /**
   * A server that accepts each client in turn and hands the line it sent to {@code handler}, and
   * one client thread per name in {@code clients}, each sending its name, checking that the same
   * line comes back and then running {@code echoed}; returns when all have ended.
   */
  static void serveInTurn(Handler handler, Runnable echoed, String... clients)
      throws IOException, InterruptedException {
    try (ServerSocket server = server(clients.length)) {
      int port = server.getLocalPort();
      Thread[] threads = new Thread[clients.length + 1];
      threads[0] = Threads.named("server", failing(() -> {
        for (int i = 0; i < clients.length; i++) handleLine(server.accept(), handler);
      }));
      for (int i = 0; i < clients.length; i++) {
        String name = clients[i];
        threads[i + 1] = Threads.named(name, failing(() -> askEcho(port, name, echoed)));
      }
      Threads.startAndJoin(threads);
    }
  }

  /**
   * A server that takes each of {@code clients} requests (one line each) on a handler thread of its
   * own, which runs {@code served} once it has read it; returns when every handler has ended. The
   * calling thread is the clients too: it sends every request before it accepts the first, which
   * the backlog of the server socket allows, so that only the handlers run concurrently and
   * systematic search covers them all.
   */
  static void servePerClientThread(Runnable served, int clients)
      throws IOException, InterruptedException {
    try (ServerSocket server = server(clients)) {
      Socket[] sent = new Socket[clients];
      for (int i = 0; i < clients; i++) {
        sent[i] = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        writer(sent[i]).println("request " + i);
      }
      Thread[] handlers = new Thread[clients];
      for (int i = 0; i < clients; i++) {
        Socket request = server.accept();
        handlers[i] = Threads.named("handler", failing(() -> {
          try (request) {
            reader(request).readLine();
          }
          served.run();
        }));
        handlers[i].start();
      }
      Threads.joinAll(handlers);
      for (Socket socket : sent) socket.close();
    }
  }

  /** A server socket on a fresh loopback port with room for {@code backlog} pending clients. */
  private static ServerSocket server(int backlog) throws IOException {
    return new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
  }

  /** Reads one line from {@code client} and hands it to {@code handler}; closes the connection. */
  private static void handleLine(Socket client, Handler handler) throws IOException {
    try (client) {
      handler.handle(reader(client).readLine(), writer(client));
    }
  }

  /**
   * Connects to the loopback server on {@code port}, sends {@code message} as a line, checks that
   * the same line comes back, then runs {@code echoed}.
   */
  private static void askEcho(int port, String message, Runnable echoed) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      writer(socket).println(message);
      String answer = reader(socket).readLine();
      if (!message.equals(answer)) {
        throw new AssertionError("sent " + message + ", the echo was " + answer);
      }
    }
    echoed.run();
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  private static PrintWriter writer(Socket socket) throws IOException {
    return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }
}
