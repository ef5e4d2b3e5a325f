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
    try (ServerSocket server = server(clients.length)) {
      run(server, () -> {
        for (int i = 0; i < clients.length; i++) echoLine(server.accept());
      }, clients);
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

  /** Runs {@code serve} on a thread named server and one {@link #askEcho} thread per client. */
  private static void run(ServerSocket server, Io serve, String... clients)
      throws InterruptedException {
    int port = server.getLocalPort();
    Thread[] threads = new Thread[clients.length + 1];
    threads[0] = Threads.named("server", failing(serve));
    for (int i = 0; i < clients.length; i++) {
      String name = clients[i];
      threads[i + 1] = Threads.named(name, failing(() -> askEcho(port, name)));
    }
    Threads.startAndJoin(threads);
  }

  /** A server socket on a fresh loopback port with room for {@code backlog} pending clients. */
  private static ServerSocket server(int backlog) throws IOException {
    return new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
  }

  /** Reads one line from {@code client} and writes it back; closes the connection. */
  private static void echoLine(Socket client) throws IOException {
    try (client) {
      String line = reader(client).readLine();
      writer(client).println(line);
    }
  }

  /**
   * Connects to the loopback server on {@code port}, sends {@code message} as a line and checks
   * that the same line comes back.
   */
  private static void askEcho(int port, String message) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      writer(socket).println(message);
      String answer = reader(socket).readLine();
      if (!message.equals(answer)) {
        throw new AssertionError("sent " + message + ", the echo was " + answer);
      }
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  private static PrintWriter writer(Socket socket) throws IOException {
    return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }
}
