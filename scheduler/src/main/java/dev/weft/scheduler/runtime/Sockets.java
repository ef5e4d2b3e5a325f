package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.threads.Handoff;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.view.Operation;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Socket I/O of controlled threads ({@code Socket}, {@code ServerSocket}, {@code SocketChannel},
 * {@code ServerSocketChannel}, {@code Selector}, and the asynchronous channels, whose groups {@link
 * ChannelGroups} keeps), which the agent routes here from the JDK's own socket classes.
 *
 * <pre>
 *   read / write / connect / accept   a scheduling point (SOCKET); the descriptor is made
 *                                     non-blocking first, so the call returns if it cannot complete
 *   the JDK's wait for readiness      blocked (SOCKET_WAIT) until poll(2) says the descriptor is
 *   (Net.poll, a selector's epoll)    ready, or its timeout fires; then the JDK's loop tries again
 * </pre>
 *
 * <p>Readiness is the kernel's, in real time. On loopback the kernel delivers what a thread writes
 * before its write returns, so readiness follows from the socket calls made so far and a schedule
 * replays the same way. Where delivery lags (under heavy load, or with a peer outside the
 * program), a waiting thread may be ready later in one run than in another: after each call that
 * sends something (a write, a connect), the first check of each waiting thread gives the kernel
 * {@link #SETTLE_MILLIS} to catch up, and when no thread can run at all, the runtime waits for
 * readiness in real time before it reports a deadlock.
 */
public final class Sockets {
  /**
   * How long, after another thread's write or connect, a waiting thread's readiness may take to
   * arrive before the thread counts as blocked at that step. Paid only when the call did not make
   * it ready.
   */
  static final long SETTLE_MILLIS = 2;
  /** The pause between two polls of the real-time wait when no thread can run. */
  private static final long AWAIT_PAUSE_NANOS = 100_000;

  /** Program sites of socket calls, by frame, so that each line registers once. */
  private static final Map<String, Integer> SITES = new ConcurrentHashMap<>();
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private final Execution execution;
  /**
   * Socket calls that sent something so far: a waiting thread's readiness may have changed when
   * this moves.
   */
  private int deliveries;
  /** Each selector's epoll descriptor, as the one object the trace names it by. */
  private final Map<Integer, FileDescriptor> selectors = new HashMap<>();
  private final ChannelGroups groups;

  Sockets(Execution execution) {
    this.execution = execution;
    this.groups = new ChannelGroups(execution);
  }

  /** The asynchronous channel groups of the execution. */
  public ChannelGroups groups() {
    return groups;
  }

  /** Before {@code call} on {@code fd}, from the JDK's socket classes. */
  public void call(FileDescriptor fd, SocketCall call) throws IOException {
    ControlledThread ct = execution.controlled();
    if (ct == null) return;
    NativeSockets.nonBlocking(fd);
    int site = programSite();
    execution.step(ct, Operation.SOCKET, fd, site);
    if (call.delivers()) deliveries++;
    execution.record(ct, Operation.SOCKET, fd, site, call.word());
  }

  /** The real {@code Net.accept}, which a controlled thread reaches after its {@link #call}. */
  public static int accept(FileDescriptor fd, FileDescriptor newFd, InetSocketAddress[] address)
      throws IOException {
    return NativeSockets.accept(fd, newFd, address);
  }

  /**
   * {@code Net.poll}, through which the JDK waits for a socket to be ready: for the calling thread,
   * controlled, a wait in the model, then a poll that does not block.
   */
  public int poll(FileDescriptor fd, int events, long timeoutMillis) throws IOException {
    ControlledThread ct = execution.controlled();
    if (ct == null) return realPoll(fd, events, timeoutMillis);
    await(ct, fd, events, timeoutMillis, null);
    return NativeSockets.poll(fd, events, 0);
  }

  /** The real {@code Net.poll}: for threads Weft does not control, and a poll that does not wait. */
  public static int realPoll(FileDescriptor fd, int events, long timeoutMillis)
      throws IOException {
    return NativeSockets.poll(fd, events, timeoutMillis);
  }

  /**
   * {@code EPoll.wait}, the wait of a selector or of an asynchronous channel group's I/O thread:
   * likewise, on its epoll descriptor.
   */
  public int epollWait(int epfd, long address, int count, int timeoutMillis) throws IOException {
    ControlledThread ct = execution.controlled();
    if (ct == null) return realEpollWait(epfd, address, count, timeoutMillis);
    FileDescriptor fd = selectors.computeIfAbsent(epfd, NativeSockets::descriptor);
    await(ct, fd, NativeSockets.POLLIN, timeoutMillis, "select");
    return NativeSockets.epollWait(epfd, address, count, 0);
  }

  /** The real {@code EPoll.wait}. */
  public static int realEpollWait(int epfd, long address, int count, int timeoutMillis)
      throws IOException {
    return NativeSockets.epollWait(epfd, address, count, timeoutMillis);
  }

  /** {@code ct} waits until {@code fd} is ready for {@code events}, or the timeout (ms; -1: none). */
  private void await(ControlledThread ct, FileDescriptor fd, int events, long timeoutMillis,
      String what) {
    ct.socketFd = fd;
    ct.socketEvents = events;
    ct.socketTimeoutNanos = timeoutMillis < 0 ? -1 : timeoutMillis * 1_000_000L;
    ct.socketDeliveriesSeen = deliveries; // it has just found the descriptor not ready itself
    int site = programSite();
    try {
      execution.step(ct, Operation.SOCKET_WAIT, fd, site);
    } finally {
      ct.socketFd = null;
    }
    boolean ready = NativeSockets.ready(fd, events, 0);
    boolean timedOut = !ready && ct.socketTimeoutNanos >= 0;
    if (timedOut) execution.advanceClock(ct.socketTimeoutNanos);
    // Neither ready nor timed out only if what made it ready was taken meanwhile: the JDK retries.
    String note = ready ? "ready" : timedOut ? "timed out" : "not ready";
    execution.record(ct, Operation.SOCKET_WAIT, fd, site, what == null ? note : what + ", " + note);
  }

  /** Whether a thread waiting for a socket may go on: it is ready (see the class comment). */
  boolean ready(ControlledThread t) {
    if (NativeSockets.ready(t.socketFd, t.socketEvents, 0)) return true;
    if (t.socketDeliveriesSeen == deliveries) return false;
    t.socketDeliveriesSeen = deliveries;
    return NativeSockets.ready(t.socketFd, t.socketEvents, SETTLE_MILLIS);
  }

  /**
   * When no thread can run but some wait for sockets: waits in real time, until {@code deadline}
   * (of {@code System.nanoTime}), for one of them to become ready. Returns whether one did.
   */
  static boolean awaitReady(ControlledThread[] threads, long deadline) {
    boolean waiting = true;
    while (waiting && System.nanoTime() - deadline < 0) {
      waiting = false;
      for (ControlledThread t : threads) {
        if (!isWaiting(t)) continue;
        waiting = true;
        if (NativeSockets.ready(t.socketFd, t.socketEvents, 0)) return true;
      }
      if (waiting) Handoff.park(AWAIT_PAUSE_NANOS);
    }
    return false;
  }

  static boolean isWaiting(ControlledThread t) {
    return t.status == ThreadStatus.RUNNABLE && t.pendingOp == Operation.SOCKET_WAIT
        && t.socketFd != null;
  }

  /**
   * The line of the program that made the socket call: the first frame of a class that neither the
   * JDK nor Weft loaded. -1 when there is none (a socket call of JDK code of its own).
   */
  private static int programSite() {
    Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
        .filter(f -> isProgram(f.getDeclaringClass().getClassLoader())).findFirst());
    if (frame.isEmpty()) return -1;
    StackWalker.StackFrame f = frame.get();
    String key = f.getClassName() + '#' + f.getMethodName() + '#' + f.getLineNumber();
    return SITES.computeIfAbsent(key, k -> SiteRegistry.register(f.getClassName(),
        f.getMethodName(), f.getFileName(), f.getLineNumber(), null));
  }

  private static boolean isProgram(ClassLoader loader) {
    return loader != null && loader != ClassLoader.getPlatformClassLoader();
  }
}
