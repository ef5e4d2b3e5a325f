package dev.weft.samples.explorer;

import dev.weft.scheduler.hooks.ParkingHooks;
import dev.weft.scheduler.hooks.SocketHooks;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Programs that break Weft's model of the execution through reflection (a state no real program
 * can reach) right before one hook reaches it, one program for each hook that guards its model code
 * with a {@code try} of its own: what the model then throws is Weft's failure, never the program's
 * bug. Most break the execution's fingerprint of the happens-before relation, which every step and
 * every access between steps adds to, so the next hook the thread reaches fails.
 */
public final class HookModelFailures {
  private HookModelFailures() {}

  /** T1 breaks the model and ends: the hook at its exit fails. */
  public static void atThreadExit() throws InterruptedException {
    Thread child = new Thread(HookModelFailures::breakFingerprint);
    child.start();
    child.join();
  }

  /** T1 breaks the record of steps that a failure's report copies, then throws. */
  public static void atUncaughtException() throws InterruptedException {
    Thread child = new Thread(() -> {
      breakStepLog();
      throw new IllegalStateException("the program's own failure, which Weft then fails to report");
    });
    child.start();
    child.join();
  }

  /**
   * Unparks a thread through a method handle, whose call site is no call into {@code
   * java.util.concurrent} and so no scheduling point: the first hook is {@code unpark}.
   */
  public static void atUnpark() throws Throwable {
    MethodHandle unpark = MethodHandles.lookup().findStatic(LockSupport.class, "unpark",
        MethodType.methodType(void.class, Thread.class));
    Thread me = Thread.currentThread();
    breakFingerprint();
    unpark.invokeExact(me);
  }

  /** The fork-join pool's {@code Unsafe.park}, as the JDK's code calls its hook. */
  public static void atUnsafePark() {
    breakFingerprint();
    ParkingHooks.unsafePark(null, false, 1_000_000L);
  }

  /** The fork-join pool's {@code Unsafe.unpark}, as the JDK's code calls its hook. */
  public static void atUnsafeUnpark() {
    breakFingerprint();
    ParkingHooks.unsafeUnpark(null, Thread.currentThread());
  }

  /** Accepts a client that connected already: the accept's scheduling point fails. */
  public static void atSocketAccept() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      breakFingerprint();
      server.accept().close();
    }
  }

  /**
   * The JDK's wait for a descriptor to be ready, as its socket classes call the hook (a program's
   * read reaches it only after the read's own scheduling point, which would fail first).
   */
  public static void atSocketPoll() throws IOException {
    try (FileInputStream devNull = new FileInputStream("/dev/null")) {
      FileDescriptor ready = devNull.getFD();
      breakFingerprint();
      SocketHooks.socketPoll(ready, 1, -1);
    }
  }

  /** A selector's timed wait, with nothing registered. */
  public static void atEpollWait() throws IOException {
    try (Selector selector = Selector.open()) {
      breakFingerprint();
      selector.select(1);
    }
  }

  /** Asks the hash code of an object whose chosen hash Weft's table no longer holds as a number. */
  public static void atHashCode() throws ReflectiveOperationException {
    Object o = new Object();
    breakChosenHash(o);
    o.hashCode();
  }

  /** Likewise, through {@code System.identityHashCode}. */
  public static void atIdentityHashCode() throws ReflectiveOperationException {
    Object o = new Object();
    breakChosenHash(o);
    System.identityHashCode(o);
  }

  /** Empties the execution's fingerprint table, which then fails at the next access it records. */
  private static void breakFingerprint() {
    try {
      Object fingerprint = field(activeExecution(), "fingerprint");
      setField(fingerprint, "keys", new long[0]);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void breakStepLog() {
    try {
      setField(field(activeExecution(), "stepLog"), "entries", null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the hash chosen for {@code o} by a value that is no hash. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void breakChosenHash(Object o) throws ReflectiveOperationException {
    Field chosen = Class.forName("dev.weft.scheduler.runtime.IdentityHashes")
        .getDeclaredField("CHOSEN");
    chosen.setAccessible(true);
    for (Map.Entry entry : ((Map<Object, Object>) chosen.get(null)).entrySet()) {
      if (((Reference<?>) entry.getKey()).get() == o) {
        entry.setValue("no hash");
        return;
      }
    }
    throw new IllegalStateException("Weft chose no hash for the object");
  }

  private static Object activeExecution() throws ReflectiveOperationException {
    return Class.forName("dev.weft.scheduler.runtime.Execution").getMethod("active").invoke(null);
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field f = owner.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(owner);
  }

  private static void setField(Object owner, String name, Object value)
      throws ReflectiveOperationException {
    Field f = owner.getClass().getDeclaredField(name);
    f.setAccessible(true);
    f.set(owner, value);
  }
}
