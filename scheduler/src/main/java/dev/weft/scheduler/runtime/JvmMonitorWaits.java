package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.MonitorModel;
import dev.weft.scheduler.trace.SiteRegistry;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * Finds the thread holding the turn blocked inside the JVM on the monitor of a JDK synchronized
 * method ({@code Vector}, {@code Hashtable}, {@code StringBuffer}) that another controlled thread
 * holds. The JVM takes such a monitor before any hook inside can run, so a call Weft did not see
 * (JDK code calling {@code vector.toArray()} for {@code new ArrayList<>(vector)}, a call through
 * {@code Object} or {@code CharSequence}, reflection, a method handle) reaches it with no scheduling
 * point before.
 *
 * <p>What is found does not depend on timing. The holder has the monitor in the model too, and
 * waits for its turn, so it cannot release the monitor; the blocked thread holds the turn, so no
 * other thread moves. Once seen, the block lasts until the runtime hands the turn on. Anything else
 * (a monitor held by a thread Weft does not control, or by a thread in transit) is left alone.
 *
 * <p>The blocked thread resumes at the method's entry hook ({@link Monitors#enteredSynchronized}),
 * the first code it runs once the JVM gives it the monitor: so only those methods count, whose
 * frame is on top of the blocked thread's stack.
 *
 * <p>Only the JVM can say which object a thread is blocked on, and it says so with the object's
 * identity hash, which it computes there and then ({@code ThreadInfo}'s {@code LockInfo}): asked
 * of an object whose hash nobody had read, it would pick that hash on this watching thread, at a
 * moment that depends on timing, and the program could read it later. So the JVM is asked only
 * once the thread's own stack (which names no object) shows it blocked at such a method's entry
 * while a controlled thread waiting for its turn holds, in the model, a monitor of that method's
 * class: every monitor in the model had its hash read already, on the thread that took it, when
 * the model first saw it ({@link IdentityTable}). A thread blocked on any other monitor (the
 * program's own, which its hook has modelled, or one that a thread Weft does not control holds
 * outside those classes) is left alone without asking.
 */
final class JvmMonitorWaits {
  /** The JDK classes whose synchronized methods have entry hooks (the agent's JdkRules). */
  private static final Set<String> HOOKED = Set.of(
      "java.util.Vector", "java.util.Stack", "java.util.Hashtable", "java.lang.StringBuffer");
  /** Null where the JVM has no {@code java.management}: blocks then end the execution stuck. */
  private static final ThreadMXBean THREADS = newThreadBean();

  /** The monitor a thread is blocked on, and the site its wait is shown at. */
  record Blocked(Object lock, int site) {}

  private JvmMonitorWaits() {}

  /**
   * What {@code t}, which holds the turn, is blocked on inside the JVM, if it is a modelled monitor
   * that another controlled thread holds while it waits for its turn; null otherwise. Called by the
   * thread that watches the execution, never by a controlled one.
   */
  static Blocked of(ControlledThread t, ControlledThread[] threads,
      IdentityTable<MonitorModel> models) {
    if (THREADS == null || t.virtual || t.thread.getState() != Thread.State.BLOCKED) return null;
    if (!worthAsking(t, t.thread.getStackTrace(), threads, models)) return null;
    ThreadInfo info = THREADS.getThreadInfo(t.thread.getId(), Integer.MAX_VALUE);
    if (info == null || info.getLockInfo() == null || info.getStackTrace().length == 0) return null;
    StackTraceElement top = info.getStackTrace()[0];
    if (!isHookedSynchronizedMethod(top)) return null;
    ControlledThread holder = null;
    for (ControlledThread c : threads) {
      if (c != t && c.thread.getId() == info.getLockOwnerId()) holder = c;
    }
    if (holder == null || holder.turn) return null;
    Object lock = modelledLock(info.getLockInfo(), holder, models);
    return lock == null ? null : new Blocked(lock, programSite(info.getStackTrace()));
  }

  /**
   * Whether {@code t}, with {@code stack} (innermost first), may be blocked on a modelled monitor:
   * its top frame enters a hooked synchronized method, and another controlled thread that does not
   * hold the turn owns, in the model, a monitor of that method's class. Reads no identity hash.
   */
  static boolean worthAsking(ControlledThread t, StackTraceElement[] stack,
      ControlledThread[] threads, IdentityTable<MonitorModel> models) {
    if (stack.length == 0 || !isHookedSynchronizedMethod(stack[0])) return false;
    Class<?> declaring;
    try {
      declaring = Class.forName(stack[0].getClassName(), false, null);
    } catch (ClassNotFoundException e) {
      return false;
    }
    boolean[] found = new boolean[1];
    models.forEach((lock, m) -> {
      ControlledThread owner = m.owner() < 0 ? null : byId(threads, m.owner());
      found[0] |= owner != null && owner != t && !owner.turn
          && declaring.isInstance(lock);
    });
    return found[0];
  }

  private static ControlledThread byId(ControlledThread[] threads, int id) {
    for (ControlledThread c : threads) if (c.id == id) return c;
    return null;
  }

  /** The object of {@code wanted} whose model says {@code holder} owns it, or null. */
  private static Object modelledLock(LockInfo wanted, ControlledThread holder,
      IdentityTable<MonitorModel> models) {
    Object[] found = new Object[1];
    models.forEach((lock, m) -> {
      if (m.owner() == holder.id && System.identityHashCode(lock) == wanted.getIdentityHashCode()
          && lock.getClass().getName().equals(wanted.getClassName())) {
        found[0] = lock;
      }
    });
    return found[0];
  }

  /** Whether {@code frame} is in a synchronized instance method whose entry Weft hooks. */
  private static boolean isHookedSynchronizedMethod(StackTraceElement frame) {
    if (!HOOKED.contains(frame.getClassName())) return false;
    try {
      for (Method m : Class.forName(frame.getClassName(), false, null).getDeclaredMethods()) {
        int flags = m.getModifiers();
        if (m.getName().equals(frame.getMethodName()) && Modifier.isSynchronized(flags)
            && !Modifier.isStatic(flags) && !Modifier.isNative(flags)) {
          return true;
        }
      }
    } catch (ClassNotFoundException e) {
      return false;
    }
    return false;
  }

  /** The program's innermost frame below the JDK's, as {@link JdkFrames#programSite} finds it. */
  private static int programSite(StackTraceElement[] stack) {
    for (StackTraceElement f : stack) {
      if (!JdkFrames.isJdkOrWeft(f.getClassName())) {
        return SiteRegistry.registerOnce(f.getClassName(), f.getMethodName(), f.getFileName(),
            f.getLineNumber(), null);
      }
    }
    return -1;
  }

  /** The JVM's thread bean; null where the JVM has no {@code java.management}. */
  static ThreadMXBean threadBean() {
    return THREADS;
  }

  private static ThreadMXBean newThreadBean() {
    try {
      return ManagementFactory.getThreadMXBean();
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }
}
