package dev.weft.scheduler.runtime;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The asynchronous channel groups of one execution (Linux, the JDK's epoll provider). A group's
 * threads wait for I/O in {@code EPoll.wait} and complete operations, so they must be controlled
 * threads of the execution:
 *
 * <pre>
 *   the JVM-wide default group        a controlled thread gets the execution's own instead, made as
 *   (AsynchronousSocketChannel.open() the JDK makes the default one (an unbounded pool of the
 *    and the like)                    JDK's threads), started inside the execution, closed after it
 *   the JDK's own threads of a group  made by ThreadPool.defaultThreadFactory() in a controlled
 *   (internal I/O thread, timeouts,   thread: controlled, even as the JDK's InnocuousThread, and,
 *    the default group's pool)        being daemons the JVM does not wait for, not waited for
 *   a group of another provider       refused: its threads and waits are not the JDK's epoll ones
 * </pre>
 *
 * A group the program makes with its own thread factory or executor is the program's: its threads
 * are started by controlled threads, so they are controlled, and the program shuts it down.
 */
public final class ChannelGroups {
  private static final String EPOLL_PROVIDER = "sun.nio.ch.LinuxAsynchronousChannelProvider";
  /** {@code sun.nio.ch.ThreadPool.defaultThreadFactory()}, or null without the agent. */
  private static final MethodHandle JDK_THREAD_FACTORY = jdk("sun.nio.ch.ThreadPool",
      (lookup, type) -> lookup.findStatic(type, "defaultThreadFactory",
          MethodType.methodType(ThreadFactory.class)));
  /** {@code EPollPort.implClose()}: releases a group's epoll and wake-up descriptors. */
  private static final MethodHandle CLOSE_PORT = jdk("sun.nio.ch.EPollPort",
      (lookup, type) -> lookup.findVirtual(type, "implClose", MethodType.methodType(void.class)));
  /** Why a group of another provider is refused, in the words of the failure report. */
  private static final String OTHER_PROVIDER = "Weft controls asynchronous channels only through the"
      + " JDK's own provider on Linux, whose threads wait through calls Weft models; this"
      + " provider's threads and waits are outside its control, so its operations could neither be"
      + " explored nor replayed. Use the JDK's provider (the default), or a SocketChannel.";

  private final Execution execution;
  /** The threads the JDK's own thread factory made in this execution, in the order made. */
  private final List<Thread> jdkThreads = new ArrayList<>();
  private ThreadPerTask defaultPool;
  private AsynchronousChannelGroup defaultGroup;

  ChannelGroups(Execution execution) {
    this.execution = execution;
  }

  /** How to find a method of a JDK class, given a lookup in it. */
  private interface Finder {
    MethodHandle find(MethodHandles.Lookup lookup, Class<?> type)
        throws ReflectiveOperationException;
  }

  /** A method of the JDK class {@code name} ({@code sun.nio.ch}, which the agent opens), or null. */
  private static MethodHandle jdk(String name, Finder finder) {
    try {
      Class<?> type = Class.forName(name, false, null);
      return finder.find(MethodHandles.privateLookupIn(type, MethodHandles.lookup()), type);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // not opened (no agent) or not Linux: the agent then routes nothing here
    }
  }

  /**
   * The execution's own default group, for a controlled thread; null for any other, which gets
   * the JDK's. Its pool starts no thread before an operation completes (the JDK's default group
   * starts one per core, which would make schedules differ between machines), then one of the
   * JDK's threads per completion ({@link ThreadPerTask}).
   */
  public AsynchronousChannelGroup defaultGroup() throws IOException {
    if (execution.holdingTurn() == null) return null;
    if (defaultGroup == null) {
      defaultPool = new ThreadPerTask(jdkFactory());
      defaultGroup = AsynchronousChannelGroup.withCachedThreadPool(defaultPool, 0);
    }
    return defaultGroup;
  }

  private static ThreadFactory jdkFactory() {
    try {
      return (ThreadFactory) JDK_THREAD_FACTORY.invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("the JDK's thread factory of channel groups", e);
    }
  }

  /** A controlled thread is about to make a group of {@code provider}'s. */
  public void created(Object provider) {
    if (!provider.getClass().getName().equals(EPOLL_PROVIDER)) {
      execution.refuseUnsupported("an AsynchronousChannelGroup of "
          + provider.getClass().getName(), OTHER_PROVIDER);
    }
  }

  /**
   * {@code jdk}, the JDK's factory of its own threads for channel groups, as a controlled thread
   * gets it: each thread it makes for a controlled thread is recorded as that thread's
   * execution's, so that it is controlled too.
   */
  public static ThreadFactory jdkThreads(ThreadFactory jdk) {
    if (controlledExecution() == null) return jdk;
    return task -> {
      Thread t = jdk.newThread(task);
      Execution e = controlledExecution();
      if (e != null) e.sockets().groups().jdkThreads.add(t);
      return t;
    };
  }

  /** The execution of the calling thread if it is controlled and holds the turn, else null. */
  private static Execution controlledExecution() {
    Execution e = Execution.active();
    return e == null || e.holdingTurn() == null ? null : e;
  }

  /** Whether the JDK's own factory of group threads made {@code t} in this execution. */
  boolean madeByJdk(Thread t) {
    for (Thread made : jdkThreads) if (made == t) return true;
    return false;
  }

  /**
   * Once the execution has ended, before its threads unwind: the default group's pool starts no
   * thread again.
   */
  void stopPool() {
    if (defaultPool != null) defaultPool.shutdownNow();
  }

  /**
   * Once every thread of the execution has ended: closes the default group's channels and its
   * epoll and wake-up descriptors, which would otherwise stay open for good. In the JDK the last
   * of the group's threads to exit releases the descriptors; here its threads have all been
   * unwound, some perhaps before they began, so the port is closed directly.
   */
  void closeDefaultGroup() {
    if (defaultGroup == null) return;
    try {
      defaultGroup.shutdownNow();
    } catch (IOException e) {
      // A channel that would not close leaves only its descriptor behind; the group is done with.
    }
    try {
      CLOSE_PORT.invoke(defaultGroup);
    } catch (Throwable e) {
      throw new IllegalStateException("could not close the execution's channel group", e);
    }
  }
}
