package dev.weft.scheduler.runtime;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;

/**
 * The JDK's own socket primitives ({@code sun.nio.ch}), which the agent opens to the runtime: a
 * poll of one descriptor, a descriptor's blocking mode, and the native calls whose call sites the
 * agent hands to the hooks. Every socket, channel and selector of the JDK (JDK 17 to 25) blocks
 * through these.
 */
final class NativeSockets {
  private static final MethodHandle POLL;
  private static final MethodHandle CONFIGURE_BLOCKING;
  private static final MethodHandle NEW_FD;
  private static final MethodHandle ACCEPT;
  private static final MethodHandle EPOLL_WAIT;
  /** {@code poll(2)}'s readiness bits for reading, as the JDK names them. */
  static final int POLLIN;

  static {
    MethodHandle poll = null;
    MethodHandle blocking = null;
    MethodHandle newFd = null;
    MethodHandle accept = null;
    MethodHandle epollWait = null;
    int pollin = 1;
    try {
      Class<?> net = Class.forName("sun.nio.ch.Net", false, null);
      Class<?> ioUtil = Class.forName("sun.nio.ch.IOUtil", false, null);
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(net, MethodHandles.lookup());
      Class<FileDescriptor> fd = FileDescriptor.class;
      poll = lookup.findStatic(net, "poll", MethodType.methodType(int.class, fd, int.class,
          long.class));
      blocking = lookup.findStatic(ioUtil, "configureBlocking",
          MethodType.methodType(void.class, fd, boolean.class));
      newFd = lookup.findStatic(ioUtil, "newFD", MethodType.methodType(fd, int.class));
      accept = lookup.findStatic(net, "accept", MethodType.methodType(int.class, fd, fd,
          InetSocketAddress[].class));
      pollin = (short) lookup.findStaticGetter(net, "POLLIN", short.class).invoke();
      Class<?> epoll = Class.forName("sun.nio.ch.EPoll", false, null); // Linux only
      epollWait = lookup.findStatic(epoll, "wait", MethodType.methodType(int.class, int.class,
          long.class, int.class, int.class));
    } catch (Throwable e) {
      // Not opened (no agent) or another platform: the agent then rewrites nothing that calls in.
    }
    POLL = poll;
    CONFIGURE_BLOCKING = blocking;
    NEW_FD = newFd;
    ACCEPT = accept;
    EPOLL_WAIT = epollWait;
    POLLIN = pollin;
  }

  private NativeSockets() {}

  /**
   * What a handle threw, as an {@code IOException} to rethrow (the socket call's own, for the
   * program), or thrown itself when unchecked.
   */
  private static IOException rethrown(Throwable e) {
    if (e instanceof IOException io) return HookGuard.forProgram(io);
    if (e instanceof RuntimeException r) throw r;
    if (e instanceof Error error) throw error;
    throw new IllegalStateException(e);
  }

  /** {@code poll(2)} of one descriptor: its ready events among {@code events}, 0 for none. */
  static int poll(FileDescriptor fd, int events, long timeoutMillis) throws IOException {
    try {
      return (int) POLL.invokeExact(fd, events, timeoutMillis);
    } catch (Throwable e) {
      throw rethrown(e);
    }
  }

  /**
   * Whether {@code fd} is ready for {@code events} within {@code timeoutMillis}. An error counts as
   * ready: the thread's own call will then meet it.
   */
  static boolean ready(FileDescriptor fd, int events, long timeoutMillis) {
    try {
      return poll(fd, events, timeoutMillis) != 0;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Makes {@code fd} non-blocking, so that a call that cannot complete returns and the JDK's own
   * loop waits for readiness through {@code Net.poll}, which Weft models.
   */
  static void nonBlocking(FileDescriptor fd) throws IOException {
    try {
      CONFIGURE_BLOCKING.invokeExact(fd, false);
    } catch (Throwable e) {
      throw rethrown(e);
    }
  }

  /** A descriptor object for a raw one (a selector's epoll descriptor), to poll it. */
  static FileDescriptor descriptor(int fd) {
    try {
      return (FileDescriptor) NEW_FD.invokeExact(fd);
    } catch (Throwable e) {
      throw new IllegalStateException(rethrown(e));
    }
  }

  /** {@code Net.accept}. */
  static int accept(FileDescriptor fd, FileDescriptor newFd, InetSocketAddress[] address)
      throws IOException {
    try {
      return (int) ACCEPT.invokeExact(fd, newFd, address);
    } catch (Throwable e) {
      throw rethrown(e);
    }
  }

  /** {@code EPoll.wait}: the selector's wait for events. */
  static int epollWait(int epfd, long address, int count, int timeoutMillis) throws IOException {
    try {
      return (int) EPOLL_WAIT.invokeExact(epfd, address, count, timeoutMillis);
    } catch (Throwable e) {
      throw rethrown(e);
    }
  }
}
