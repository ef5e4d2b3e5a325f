package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.ChannelGroups;
import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.SocketCall;
import dev.weft.scheduler.runtime.Sockets;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;

/**
 * The hooks of socket I/O, in the JDK's socket classes. Part of the bridge instrumented bytecode
 * calls: see {@link WeftHooks} for what every hook does first and how it guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class SocketHooks {
  private SocketHooks() {}

  // ---- sockets, from the JDK's socket classes (sun.nio.ch); see Sockets

  /** Entry of a socket read, write or connect: {@code call} is a {@code SocketCall} ordinal. */
  public static void socketCall(FileDescriptor fd, int call) throws IOException {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "SocketHooks.socketCall",
        () -> e.sockets().call(fd, SocketCall.of(call)));
  }

  /** Replaces {@code Net.accept}. */
  public static int socketAccept(FileDescriptor fd, FileDescriptor newFd,
      InetSocketAddress[] address) throws IOException {
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "SocketHooks.socketAccept", () -> e.sockets().call(fd, SocketCall.ACCEPT));
    }
    return Sockets.accept(fd, newFd, address);
  }

  /** Replaces {@code Net.poll}, the JDK's wait for a socket to be ready. */
  public static int socketPoll(FileDescriptor fd, int events, long timeoutMillis)
      throws IOException {
    Execution e = timeoutMillis == 0 ? null : Guarded.enter();
    return e == null ? Sockets.realPoll(fd, events, timeoutMillis)
        : Guarded.call(e, "SocketHooks.socketPoll",
            () -> e.sockets().poll(fd, events, timeoutMillis));
  }

  /** Replaces {@code EPoll.wait}, a selector's or an asynchronous channel group's wait (Linux). */
  public static int epollWait(int epfd, long address, int count, int timeoutMillis)
      throws IOException {
    Execution e = timeoutMillis == 0 ? null : Guarded.enter();
    return e == null ? Sockets.realEpollWait(epfd, address, count, timeoutMillis)
        : Guarded.call(e, "SocketHooks.epollWait",
            () -> e.sockets().epollWait(epfd, address, count, timeoutMillis));
  }

  /**
   * Entry of the JDK's default asynchronous channel group: the execution's own, or null to let
   * the JDK answer.
   */
  public static Object asynchronousDefaultGroup() throws IOException {
    Execution e = Guarded.enter();
    return e == null ? null
        : Guarded.call(e, "SocketHooks.asynchronousDefaultGroup",
            () -> e.sockets().groups().defaultGroup());
  }

  /** Entry of a new asynchronous channel group of {@code provider}'s. */
  public static void asynchronousGroup(Object provider) {
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "SocketHooks.asynchronousGroup", () -> e.sockets().groups().created(provider));
    }
  }

  /** The factory of the JDK's own threads for asynchronous channel groups. */
  public static ThreadFactory asynchronousGroupThreads(ThreadFactory jdk) {
    return ChannelGroups.jdkThreads(jdk);
  }
}
