package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.ChannelGroups;
import dev.weft.scheduler.runtime.Determinism;
import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.JdkLoading;
import dev.weft.scheduler.runtime.JdkStructures;
import dev.weft.scheduler.runtime.Parking;
import dev.weft.scheduler.runtime.Races;
import dev.weft.scheduler.runtime.SocketCall;
import dev.weft.scheduler.runtime.Sockets;
import dev.weft.scheduler.runtime.VirtualTime;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.view.Operation;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

/**
 * The static bridge that instrumented bytecode calls. Stable, thin, and cheap.
 *
 * <p>Every hook first reads {@link Execution#active()}: when no exploration runs, that single
 * volatile read is all it costs and the original operation proceeds unchanged. When one runs, the
 * hook forwards to the execution, which ignores threads it does not control. Re-entry (the runtime
 * calling instrumented code while already inside a hook) is prevented by the execution's per-thread
 * {@code insideHook} flag.
 *
 * <p>Every hook runs its model code through {@link Guarded}, so that what escapes it reaches the
 * program only when the model threw it for the program, and anything else ends the execution as
 * Weft's own failure. Most pass it as a lambda; those the JDK reaches most often ({@code hashCode},
 * {@code identityHashCode}, {@code unpark}, {@code unsafePark}, {@code unsafeUnpark}, {@code
 * initializingByJdk}) and those
 * whose model runs for threads Weft does not control too ({@code threadExiting}, {@code
 * uncaughtException}) guard it with a {@code try} of their own, which allocates nothing. The socket
 * hooks guard the model's wait and run the real call outside, so that its {@code IOException} stays
 * the program's.
 *
 * <p>{@code site} arguments are indices into {@link SiteRegistry}, assigned by the agent when it
 * rewrites a class, so the trace names {@code File.java:line} without walking the stack.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class WeftHooks {
  private WeftHooks() {}

  /** Called by the agent at transform time; returns the site index to embed in the bytecode. */
  public static int registerSite(
      String className, String methodName, String fileName, int line, String detail) {
    return SiteRegistry.register(className, methodName, fileName, line, detail);
  }

  /**
   * As {@link #registerSite}, for a site inside one of the JDK's structures: every such site of an
   * object touches one location, all its fields ({@link JdkStructures#WHOLE_OBJECT}).
   */
  public static int registerStructureSite(
      String className, String methodName, String fileName, int line, String detail) {
    return SiteRegistry.register(className, methodName, fileName, line, detail,
        JdkStructures.WHOLE_OBJECT);
  }

  // ---- class initialization (JVMS 5.5), in application classes

  /** Entry of the static initializer of {@code type}. */
  public static void classInitStarted(Class<?> type) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "classInitStarted", () -> e.classInits().started(type));
  }

  /** Exit of the static initializer of {@code type}, by a return or a throw. Never throws. */
  public static void classInitEnded(Class<?> type) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "classInitEnded", () -> e.classInits().ended(type));
  }

  /**
   * Before {@code new}, {@code getstatic}, {@code putstatic} or {@code invokestatic} of {@code type}
   * (one of which initializes it when it is not yet), where {@code type} or a supertype has a static
   * initializer.
   */
  public static void classUsed(Class<?> type, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "classUsed", () -> e.classInits().used(type, site));
  }

  /**
   * Entry of {@code Unsafe.ensureClassInitialized}, through which method handles and reflection
   * initialize the class of a static member, and of the allocation of a constructor's method handle
   * (every capturing lambda's too, hence no lambda here).
   */
  public static void initializingByJdk(Class<?> type) {
    Execution e = Execution.active();
    if (e == null) return;
    try {
      e.classInits().usedByJdk(type);
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "initializingByJdk", t);
    }
  }

  /**
   * Entry of {@code Method.invoke} and {@code Constructor.newInstance}: a static method's or a
   * constructor's class is initialized first.
   */
  public static void invokingReflectively(Object member) {
    Class<?> initialized = member instanceof java.lang.reflect.Constructor<?> c
        ? c.getDeclaringClass()
        : member instanceof java.lang.reflect.Method m
            && java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? m.getDeclaringClass() : null;
    if (initialized == null) return;
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "invokingReflectively", () -> e.classInits().usedByJdk(initialized));
    }
  }

  /** Entry of {@code Class.forName(name, initialize, loader)}. */
  public static void forName(String name, boolean initialize, ClassLoader loader) {
    if (!initialize) return;
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "forName", () -> e.classInits().namedByJdk(name, loader, false));
    }
  }

  /** Entry of {@code Class.forName(name)}, which uses its caller's loader. */
  public static void forName(String name) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "forName", () -> e.classInits().namedByJdk(name, null, true));
  }

  /**
   * Called by the agent before it rewrites a class, on the thread that loads it: a controlled
   * thread passes through the hooks until {@link #weftCodeExited}, so that the JDK code Weft's
   * transformer calls is not taken for the program's. Returns the token to hand back.
   */
  public static Object weftCodeEntered() {
    Execution e = Execution.active();
    return e == null ? null : e.weftCodeEntered();
  }

  /** After the agent's work that {@link #weftCodeEntered} announced. Never throws. */
  public static void weftCodeExited(Object token) {
    Execution.weftCodeExited(token);
  }

  /**
   * Entry of a method of the JDK's built-in class loaders: until the outermost such call returns,
   * a controlled thread passes through the hooks ({@link JdkLoading}).
   */
  public static void jdkLoadingEntered() {
    Execution e = Execution.active();
    if (e != null) JdkLoading.entered(e);
  }

  /** Before each return of such a method, and before it throws. Never throws. */
  public static void jdkLoadingExited() {
    Execution e = Execution.active();
    if (e != null) JdkLoading.exited(e);
  }

  // ---- thread lifecycle (from java.lang.Thread and from run() entries of application classes)

  /**
   * Entry of {@code Thread.run()}, of {@code VirtualThread.run(task)} and of every instance {@code
   * run()V} in application classes.
   */
  public static void threadRunEntered() {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "threadRunEntered", () -> e.threadRunEntered());
  }

  /**
   * Entry of {@code Thread.exit()}, and the return of {@code VirtualThread.run(task)}: the thread
   * has finished running.
   */
  public static void threadExiting(Thread thread) {
    Execution e = Execution.active();
    if (e == null) return;
    try {
      e.threadExiting(thread);
    } catch (RuntimeException | Error t) {
      Guarded.failedQuietly(e, "threadExiting", t);
    }
  }

  /**
   * Entry of {@code Thread.dispatchUncaughtException}. Returns true when Weft handled the throwable
   * (recorded as a failure of the execution), so the default handler must not run.
   */
  public static boolean uncaughtException(Thread thread, Throwable error) {
    Execution e = Execution.active();
    if (e == null) return false;
    try {
      return e.uncaughtException(thread, error);
    } catch (RuntimeException | Error t) {
      Guarded.failedQuietly(e, "uncaughtException", t);
      return true; // the execution ended as Weft's failure, which its report names
    }
  }

  /** Entry of {@code Thread.start()}, so threads that JDK code starts (executors) are controlled. */
  public static void threadStarting(Thread thread) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "threadStarting", () -> e.beforeStart(thread, -1));
  }

  /**
   * Entry of {@code VirtualThread.start(container)} (JDK 21+), with the scheduler that will carry
   * the thread.
   */
  public static void virtualThreadStarting(Thread thread, Executor scheduler) {
    Execution e = Guarded.enter();
    if (e == null) return;
    Guarded.run(e, "virtualThreadStarting", () -> {
      e.beforeStart(thread, -1);
      e.carriers().starting(scheduler);
    });
  }

  /** Before each return of {@code Thread.start()} and {@code VirtualThread.start(container)}. */
  public static void threadStarted(Thread thread) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "threadStarted", () -> e.afterStart(thread));
  }

  /** Entry of {@code Thread.interrupt()}; returns true when the model took the interrupt. */
  public static boolean interruptEntered(Thread thread) {
    Execution e = Guarded.enter();
    return e != null
        && Guarded.call(e, "interruptEntered", () -> e.threadOps().interruptFromJdk(thread));
  }

  /**
   * Entry of {@code Thread.isInterrupted()} and {@code Thread.interrupted()} (which clears): 1 or 0
   * from the model, -1 when the real flag answers.
   */
  public static int interruptStatus(Thread thread, boolean clear) {
    Execution e = Guarded.enter();
    return e == null ? -1 : Guarded.call(e, "interruptStatus",
        () -> e.threadOps().interruptStatusFromJdk(thread, clear));
  }

  // ---- LockSupport (entries of its methods): true when the model handled the call

  public static boolean park(Object blocker) {
    Execution e = Guarded.enter();
    return e != null && Guarded.call(e, "park", () -> e.parking().park(blocker, -1));
  }

  public static boolean parkNanos(Object blocker, long nanos) {
    Execution e = Guarded.enter();
    return e != null && Guarded.call(e, "parkNanos",
        () -> nanos > 0 && e.parking().park(blocker, nanos));
  }

  /** {@code deadline} in milliseconds since the epoch, read against the virtual clock. */
  public static boolean parkUntil(Object blocker, long deadline) {
    Execution e = Guarded.enter();
    return e != null
        && Guarded.call(e, "parkUntil", () -> e.parking().parkUntil(blocker, deadline));
  }

  public static boolean unpark(Thread thread) {
    Execution e = Execution.active();
    if (e == null) return false;
    try {
      return e.parking().unpark(thread);
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "unpark", t);
      return false;
    }
  }

  /** Replaces {@code Unsafe.park(absolute, time)} in {@code java.util.concurrent}. */
  public static void unsafePark(Object unsafe, boolean absolute, long time) {
    Execution e = Execution.active();
    try {
      if (e != null && e.parking().unsafePark(absolute, time)) return;
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "unsafePark", t);
    }
    Parking.realUnsafePark(absolute, time);
  }

  /** Replaces {@code Unsafe.unpark(thread)} in {@code java.util.concurrent}. */
  public static void unsafeUnpark(Object unsafe, Object thread) {
    Execution e = Execution.active();
    try {
      if (e != null && thread instanceof Thread t && e.parking().unpark(t)) return;
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "unsafeUnpark", t);
    }
    Parking.realUnsafeUnpark(thread);
  }

  /** Filters a read of the fork-join common pool: the execution's own pool for its threads. */
  public static ForkJoinPool commonPool(ForkJoinPool real) {
    Execution e = Guarded.enter();
    return e == null ? real : Guarded.call(e, "commonPool", () -> e.pools().commonPool(real));
  }

  /**
   * Filters a read of {@code CompletableFuture}'s default executor (an {@code Executor} on JDK 17,
   * where it is a thread per task on machines with fewer than 3 cores): the execution's pool too,
   * so that the same program runs the same way on every JDK and machine.
   */
  public static Executor commonPool(Executor real) {
    Execution e = Guarded.enter();
    return e == null ? real : Guarded.call(e, "commonPool", () -> e.pools().commonPool(real));
  }

  // ---- calls into java.util.concurrent, atomics and VarHandles, from application code

  /** Before a call that may change state; {@code receiver} is null for a static method. */
  public static void call(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "call", () -> e.calls().call(receiver, site, false));
  }

  /**
   * Before a call through a collection interface ({@code Map.put}), or on a class with synchronized
   * methods ({@code Vector.add}): a point when the receiver is concurrent or synchronized.
   */
  public static void callIfConcurrent(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "callIfConcurrent",
        () -> e.calls().callIfConcurrent(receiver, site, false));
  }

  /** Likewise, for a call that only reads ({@code Map.get}). */
  public static void callIfConcurrentRead(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "callIfConcurrentRead",
        () -> e.calls().callIfConcurrent(receiver, site, true));
  }

  /** After such a call returned: parks from here on are the caller's own again. */
  public static void callReturned() {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "callReturned", () -> e.calls().returned(false));
  }

  /**
   * After a call that tries ({@code compareAndSet}, {@code tryLock}, {@code offer}) returned, given
   * what it returned: one that failed wrote nothing, and a thread that keeps failing spins.
   */
  public static void attemptReturned(boolean succeeded) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "attemptReturned", () -> e.calls().returned(!succeeded));
  }

  /** After a {@code poll} returned, given the element: null means it failed, as above. */
  public static void pollReturned(Object element) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "pollReturned", () -> e.calls().returned(element == null));
  }

  /** Before a call that only reads. */
  public static void callRead(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "callRead", () -> e.calls().call(receiver, site, true));
  }

  /**
   * Before a {@code lock()} or {@code tryLock()} that opens a section that only reads, as the agent
   * found from the bytecode: taken again with nothing written, it is a poll.
   */
  public static void lockToRead(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "call", () -> e.calls().lockToRead(lock, site));
  }

  /**
   * Before an {@code unlock()} that closes such a section, from which every path goes straight back
   * to its opening, writing nothing on the way.
   */
  public static void unlockToLockAgain(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "call", () -> e.calls().unlockToLockAgain(lock, site));
  }

  // ---- sockets, from the JDK's socket classes (sun.nio.ch); see Sockets

  /** Entry of a socket read, write or connect: {@code call} is a {@code SocketCall} ordinal. */
  public static void socketCall(FileDescriptor fd, int call) throws IOException {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "socketCall", () -> e.sockets().call(fd, SocketCall.of(call)));
  }

  /** Replaces {@code Net.accept}. */
  public static int socketAccept(FileDescriptor fd, FileDescriptor newFd,
      InetSocketAddress[] address) throws IOException {
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "socketAccept", () -> e.sockets().call(fd, SocketCall.ACCEPT));
    }
    return Sockets.accept(fd, newFd, address);
  }

  /** Replaces {@code Net.poll}, the JDK's wait for a socket to be ready. */
  public static int socketPoll(FileDescriptor fd, int events, long timeoutMillis)
      throws IOException {
    Execution e = timeoutMillis == 0 ? null : Guarded.enter();
    return e == null ? Sockets.realPoll(fd, events, timeoutMillis)
        : Guarded.call(e, "socketPoll", () -> e.sockets().poll(fd, events, timeoutMillis));
  }

  /** Replaces {@code EPoll.wait}, a selector's or an asynchronous channel group's wait (Linux). */
  public static int epollWait(int epfd, long address, int count, int timeoutMillis)
      throws IOException {
    Execution e = timeoutMillis == 0 ? null : Guarded.enter();
    return e == null ? Sockets.realEpollWait(epfd, address, count, timeoutMillis)
        : Guarded.call(e, "epollWait",
            () -> e.sockets().epollWait(epfd, address, count, timeoutMillis));
  }

  /**
   * Entry of the JDK's default asynchronous channel group: the execution's own, or null to let
   * the JDK answer.
   */
  public static Object asynchronousDefaultGroup() throws IOException {
    Execution e = Guarded.enter();
    return e == null ? null
        : Guarded.call(e, "asynchronousDefaultGroup", () -> e.sockets().groups().defaultGroup());
  }

  /** Entry of a new asynchronous channel group of {@code provider}'s. */
  public static void asynchronousGroup(Object provider) {
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "asynchronousGroup", () -> e.sockets().groups().created(provider));
    }
  }

  /** The factory of the JDK's own threads for asynchronous channel groups. */
  public static ThreadFactory asynchronousGroupThreads(ThreadFactory jdk) {
    return ChannelGroups.jdkThreads(jdk);
  }

  // ---- the end of the process

  /**
   * Entry of {@code Runtime.exit(status)}, which {@code System.exit} calls. On a controlled thread
   * it ends the execution instead, as the exit would have ended the process, and does not return.
   */
  public static void runtimeExit(int status) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "runtimeExit", () -> e.programExit("Runtime.exit", status));
  }

  /** Entry of {@code Runtime.halt(status)}: as {@link #runtimeExit}. */
  public static void runtimeHalt(int status) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "runtimeHalt", () -> e.programExit("Runtime.halt", status));
  }

  // ---- time: controlled threads see the execution's virtual clock

  /** Replaces {@code System.nanoTime()}. */
  public static long nanoTime() {
    Execution e = Guarded.enter();
    long now = e == null ? Long.MIN_VALUE : Guarded.call(e, "nanoTime", e::readClock);
    return now == Long.MIN_VALUE ? System.nanoTime() : VirtualTime.nanoTime(now);
  }

  /** Replaces {@code System.currentTimeMillis()}. */
  public static long currentTimeMillis() {
    Execution e = Guarded.enter();
    long now = e == null ? Long.MIN_VALUE : Guarded.call(e, "currentTimeMillis", e::readClock);
    return now == Long.MIN_VALUE ? System.currentTimeMillis() : VirtualTime.millis(now);
  }

  /** Entry of the JDK's system clock ({@code Instant.now()} and all it serves); null: real. */
  public static Instant instantNow() {
    Execution e = Guarded.enter();
    long now = e == null ? Long.MIN_VALUE : Guarded.call(e, "instantNow", e::readClock);
    return now == Long.MIN_VALUE ? null : VirtualTime.instant(now);
  }

  // ---- determinism: hash codes, random numbers, thread numbers and ids

  /** After application code constructed {@code o}. */
  public static void allocated(Object o) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "allocated", () -> e.determinism().allocated(o));
  }

  /** Replaces {@code o.hashCode()}: the chosen identity hash for objects that have one. */
  public static int hashCode(Object o) {
    int chosen = chosenHash(o, "hashCode");
    if (chosen != 0) return chosen;
    sawRealHash(o);
    return o.hashCode();
  }

  /** Replaces {@code System.identityHashCode(o)}. */
  public static int identityHashCode(Object o) {
    int chosen = chosenHash(o, "identityHashCode");
    if (chosen != 0) return chosen;
    sawRealHash(o);
    return System.identityHashCode(o);
  }

  /**
   * The identity hash chosen for {@code o}, or 0. Chosen hashes outlive executions, so the lookup
   * runs with none too; a failure of it then has no execution to end and reaches the caller.
   */
  private static int chosenHash(Object o, String hook) {
    try {
      return Determinism.identityHash(o);
    } catch (RuntimeException | Error t) {
      Execution e = Execution.active();
      if (e == null) throw t;
      Guarded.failed(e, hook, t);
      return 0; // a thread Weft does not control: its real hash
    }
  }

  private static void sawRealHash(Object o) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "sawRealHash", () -> e.determinism().hashedForReal(o));
  }

  /** Replaces {@code Math.random()}. */
  public static double mathRandom() {
    Execution e = Guarded.enter();
    double r = e == null ? Double.NaN
        : Guarded.call(e, "mathRandom", () -> e.determinism().mathRandom());
    return Double.isNaN(r) ? Math.random() : r;
  }

  /** Filters the seed of an unseeded {@code Random} or {@code ThreadLocalRandom}. */
  public static long randomSeed(long real) {
    Execution e = Guarded.enter();
    return e == null ? real : Guarded.call(e, "randomSeed", () -> e.determinism().seed(real));
  }

  /** Filters a thread's {@code ThreadLocalRandom} probe (never 0). */
  public static int randomProbe(int real) {
    Execution e = Guarded.enter();
    return e == null ? real
        : (int) (long) Guarded.call(e, "randomProbe", () -> e.determinism().seed(real)) | 1;
  }

  /** Filters the number of a default thread name. */
  public static int threadNumber(int real) {
    Execution e = Guarded.enter();
    return e == null ? real
        : Guarded.call(e, "threadNumber", () -> e.determinism().threadNumber(real));
  }

  /** Filters the number of an executor's default pool name. */
  public static int poolNumber(int real) {
    Execution e = Guarded.enter();
    return e == null ? real
        : Guarded.call(e, "poolNumber", () -> e.determinism().poolNumber(real));
  }

  /** Filters {@code Thread.getId()} and {@code threadId()}. */
  public static long threadId(long real, Thread thread) {
    Execution e = Guarded.enter();
    return e == null ? real
        : Guarded.call(e, "threadId", () -> e.determinism().threadId(thread, real));
  }

  // ---- monitors

  /** Before {@code monitorenter} (and at the start of a former {@code synchronized} method). */
  public static void monitorEnter(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "monitorEnter", () -> e.monitors().enter(lock, site, false));
  }

  /** After {@code monitorexit}. Never throws: it runs inside the handlers javac generates. */
  public static void monitorExit(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "monitorExit", () -> e.monitors().exit(lock, site, false));
  }

  /**
   * Before the {@code monitorenter} of a section that only reads (no store, call or allocation
   * inside, as the agent found from the bytecode): entered again with nothing written, it is a poll.
   */
  public static void monitorEnterToRead(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "monitorEnter", () -> e.monitors().enter(lock, site, true));
  }

  /**
   * After a {@code monitorexit} of such a section from which every path goes straight back to its
   * enter, writing nothing on the way. Never throws.
   */
  public static void monitorExitToReadAgain(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "monitorExit", () -> e.monitors().exit(lock, site, true));
  }

  /**
   * Entry of a synchronized method of a JDK class whose monitor Weft models ({@code Vector.add}):
   * the JVM holds the monitor already, and the model follows.
   */
  public static void enteredSynchronized(Object lock) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "enteredSynchronized",
        () -> e.monitors().enteredSynchronized(lock));
  }

  /** Before each return of such a method, and before it throws. Never throws. */
  public static void exitingSynchronized(Object lock) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "exitingSynchronized",
        () -> e.monitors().exitingSynchronized(lock));
  }

  /** Replaces {@code lock.wait()}. */
  public static void waitOn(Object lock, int site) throws InterruptedException {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "waitOn", () -> e.monitors().waitOn(lock, -1, site))) {
      lock.wait();
    }
  }

  /** Replaces {@code lock.wait(millis)}. */
  public static void waitOn(Object lock, long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    Execution e = Guarded.enter();
    long nanos = millis == 0 ? -1 : millis * 1_000_000L;
    if (e == null || !Guarded.call(e, "waitOn", () -> e.monitors().waitOn(lock, nanos, site))) {
      lock.wait(millis);
    }
  }

  /** Replaces {@code lock.wait(millis, nanos)}. */
  public static void waitOn(Object lock, long millis, int nanos, int site)
      throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999)
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    Execution e = Guarded.enter();
    long total = millis * 1_000_000L + nanos;
    long timeout = total == 0 ? -1 : total;
    if (e == null || !Guarded.call(e, "waitOn", () -> e.monitors().waitOn(lock, timeout, site))) {
      lock.wait(millis, nanos);
    }
  }

  /** Replaces {@code lock.notify()}. */
  public static void notifyOne(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "notifyOne", () -> e.monitors().notify(lock, false, site))) {
      lock.notify();
    }
  }

  /** Replaces {@code lock.notifyAll()}. */
  public static void notifyAll(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "notifyAll", () -> e.monitors().notify(lock, true, site))) {
      lock.notifyAll();
    }
  }

  // ---- threads

  /** Before {@code thread.start()}: a scheduling point, and registers the child as controlled. */
  public static void beforeStart(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "beforeStart", () -> e.beforeStart(thread, site));
  }

  /** After {@code thread.start()} returned: waits until the child is parked at its first step. */
  public static void afterStart(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "afterStart", () -> e.afterStart(thread));
  }

  /** Replaces {@code thread.join()}. */
  public static void join(Thread thread, int site) throws InterruptedException {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "join", () -> e.threadOps().join(thread, -1, site))) {
      thread.join();
    }
  }

  /** Replaces {@code thread.join(millis)}. */
  public static void join(Thread thread, long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    Execution e = Guarded.enter();
    long nanos = millis == 0 ? -1 : millis * 1_000_000L;
    if (e == null || !Guarded.call(e, "join", () -> e.threadOps().join(thread, nanos, site))) {
      thread.join(millis);
    }
  }

  /** Replaces {@code thread.join(millis, nanos)}. */
  public static void join(Thread thread, long millis, int nanos, int site)
      throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999)
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    Execution e = Guarded.enter();
    long total = millis * 1_000_000L + nanos;
    long timeout = total == 0 ? -1 : total;
    if (e == null || !Guarded.call(e, "join", () -> e.threadOps().join(thread, timeout, site))) {
      thread.join(millis, nanos);
    }
  }

  /**
   * Replaces {@code thread.join(Duration)} (JDK 19+); returns whether the thread terminated. The
   * uncontrolled path mirrors the JDK's definition, so this compiles against Java 17.
   */
  public static boolean join(Thread thread, Duration duration, int site)
      throws InterruptedException {
    long nanos = Math.max(1, duration.toNanos());
    Execution e = Guarded.enter();
    Boolean finished = e == null ? null : Guarded.call(e, "join",
        () -> e.threadOps().join(thread, nanos, site) ? e.threadOps().isFinished(thread) : null);
    if (finished != null) return finished;
    thread.join(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    return !thread.isAlive();
  }

  /** Replaces {@code Thread.yield()}. */
  public static void yield(int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "yield", () -> e.simpleStep(Operation.YIELD, null, site))) {
      Thread.yield();
    }
  }

  /** Replaces {@code Thread.onSpinWait()}. */
  public static void onSpinWait(int site) {
    Execution e = Guarded.enter();
    if (e == null
        || !Guarded.call(e, "onSpinWait", () -> e.simpleStep(Operation.SPIN_WAIT, null, site))) {
      Thread.onSpinWait();
    }
  }

  /** Replaces {@code Thread.sleep(millis)}. */
  public static void sleep(long millis, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    Execution e = Guarded.enter();
    long nanos = millis * 1_000_000L;
    if (e == null || !Guarded.call(e, "sleep", () -> e.threadOps().sleep(nanos, site))) {
      Thread.sleep(millis);
    }
  }

  /** Replaces {@code Thread.sleep(millis, nanos)}. */
  public static void sleep(long millis, int nanos, int site) throws InterruptedException {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    if (nanos < 0 || nanos > 999_999)
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    Execution e = Guarded.enter();
    long total = millis * 1_000_000L + nanos;
    if (e == null || !Guarded.call(e, "sleep", () -> e.threadOps().sleep(total, site))) {
      Thread.sleep(millis, nanos);
    }
  }

  /** Replaces {@code Thread.sleep(Duration)} (JDK 19+). */
  public static void sleep(Duration duration, int site) throws InterruptedException {
    long nanos = Math.max(0, duration.toNanos());
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "sleep", () -> e.threadOps().sleep(nanos, site)))
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
  }

  /** Replaces {@code thread.interrupt()}. */
  public static void interrupt(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "interrupt", () -> e.threadOps().interrupt(thread, site))) {
      thread.interrupt();
    }
  }

  /** Replaces {@code thread.isInterrupted()}. */
  public static boolean isInterrupted(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      int answer = Guarded.call(e, "isInterrupted",
          () -> e.threadOps().isInterrupted(thread, false, site));
      if (answer >= 0) return answer == 1;
    }
    return thread.isInterrupted();
  }

  /** Replaces the static {@code Thread.interrupted()}: reads and clears the flag. */
  public static boolean interrupted(int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      int answer = Guarded.call(e, "interrupted",
          () -> e.threadOps().isInterrupted(Thread.currentThread(), true, site));
      if (answer >= 0) return answer == 1;
    }
    return Thread.interrupted();
  }

  /** Replaces {@code thread.getState()}: the model's answer for controlled threads. */
  public static Thread.State getState(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      Thread.State answer = Guarded.call(e, "getState",
          () -> e.threadOps().getState(thread, site));
      if (answer != null) return answer;
    }
    return thread.getState();
  }

  /** Replaces {@code thread.isAlive()}: the model's answer for controlled threads. */
  public static boolean isAlive(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      int answer = Guarded.call(e, "isAlive", () -> e.threadOps().isAlive(thread, site));
      if (answer >= 0) return answer == 1;
    }
    return thread.isAlive();
  }

  // ---- inside the JDK's lock-free structures, during the program's calls (JdkStructures)

  /**
   * The execution to take a structure's step in, entered as {@link Guarded#enter} does; null when
   * none is active or it leaves the structures closed, so that, off, these hooks cost two reads.
   */
  private static Execution structureExecution() {
    Execution e = Execution.active();
    return e != null && e.jdkStructuresOpened() ? Guarded.enter(e) : null;
  }

  /** Before a read of a field of {@code holder} (null for a static one), or an Unsafe read. */
  public static void structureRead(Object holder, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "structureRead",
        () -> e.structureSteps().access(holder, site, false));
  }

  /** Before a write, compare-and-set or read-modify-write of a field of {@code holder}. */
  public static void structureWrite(Object holder, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "structureWrite",
        () -> e.structureSteps().access(holder, site, true));
  }

  /** Before a read through a {@code VarHandle}, given its first argument (or null). */
  public static void structureHandleRead(Object handle, Object first, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "structureHandleRead",
        () -> e.structureSteps().handleAccess(handle, first, site, false));
  }

  /** Before any other access through a {@code VarHandle}, given its first argument (or null). */
  public static void structureHandleWrite(Object handle, Object first, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "structureHandleWrite",
        () -> e.structureSteps().handleAccess(handle, first, site, true));
  }

  /** Before a {@code monitorenter} in a structure's code. */
  public static void structureMonitorEnter(Object lock, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "structureMonitorEnter",
        () -> e.structureSteps().monitorEnter(lock, site));
  }

  /** After a {@code monitorexit} in a structure's code. Never throws. */
  public static void structureMonitorExit(Object lock, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.quietly(e, "structureMonitorExit",
        () -> e.structureSteps().monitorExit(lock, site));
  }

  /**
   * Filters {@code ThreadLocalRandom}'s secondary seed, which sets the level of a skip list's new
   * node: chosen when the structures are opened, so the same schedule meets the same shape.
   */
  public static long secondarySeed(long real) {
    Execution e = structureExecution();
    return e == null ? real : Guarded.call(e, "secondarySeed", () -> e.determinism().seed(real));
  }

  // ---- volatile fields

  /** Before a read of a volatile field; {@code owner} is null for a static field. */
  public static void volatileRead(Object owner, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "volatileRead",
        () -> e.simpleStep(Operation.VOLATILE_READ, owner, site));
  }

  /** Before a write of a volatile field; {@code owner} is null for a static field. */
  public static void volatileWrite(Object owner, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "volatileWrite",
        () -> e.simpleStep(Operation.VOLATILE_WRITE, owner, site));
  }

  // Plain accesses: instrumented only when the agent runs with race detection ("races").

  /** The execution in progress, entered as {@link Guarded#enter}, when it detects races. */
  private static Execution racing() {
    Execution e = Execution.active();
    return e == null || e.races() == null ? null : Guarded.enter(e);
  }

  /** Before a read of a plain field; {@code owner} is null for a static field. */
  public static void plainRead(Object owner, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "plainRead", () -> e.races().fieldAccessed(owner, site, false));
  }

  /** Before a write of a plain field; {@code owner} is null for a static field. */
  public static void plainWrite(Object owner, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "plainWrite", () -> e.races().fieldAccessed(owner, site, true));
  }

  /** Before a read of an array element ({@code array} may be null, {@code index} out of range). */
  public static void elementRead(Object array, int index, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "elementRead",
        () -> e.races().elementAccessed(array, index, site, false));
  }

  /** Before a write of an array element; likewise. */
  public static void elementWrite(Object array, int index, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "elementWrite",
        () -> e.races().elementAccessed(array, index, site, true));
  }
}
