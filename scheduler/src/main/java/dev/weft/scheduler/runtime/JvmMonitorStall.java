package dev.weft.scheduler.runtime;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Finds the thread holding the turn blocked inside the JVM on a monitor that Weft does not model,
 * which another controlled thread holds while it waits for its turn: a monitor that JDK code took
 * ({@code ByteArrayOutputStream}'s own, {@code PrintWriter}'s lock on the writer it was given) with
 * a call back into the program inside, which reached a scheduling point. Nothing can move then:
 * the holder cannot release the monitor without the turn, and the blocked thread cannot give the
 * turn back. With no model of the monitor (who holds it, when it is released), Weft can neither
 * take the blocked thread's step for it, as {@link JvmMonitorWaits} does for the monitors it
 * models, nor tell a deadlock from a wait that the holder would end: it stops the exploration as
 * its own failure, saying so, instead of letting the execution reach its deadline and reporting it
 * stuck, as a bug of the program's.
 *
 * <p>The JVM names the monitor by computing its identity hash, at a moment that depends on timing
 * ({@link JvmMonitorWaits}). So it is asked once per block, and only when the thread has stayed
 * blocked with no step taken for {@link #PATIENCE} watches in a row: a block on a monitor that a
 * thread Weft does not control holds (a JDK service thread's, briefly) passes long before, and a
 * block found here ends the exploration, so no later execution can read that hash.
 */
final class JvmMonitorStall {
  /** Watches, 5 ms apart, a block must last before the JVM is asked about it. */
  static final int PATIENCE = 20;

  private ControlledThread seen;
  private int seenAtStep;
  private int watches;

  /**
   * Called at each watch with the thread holding the turn and the steps taken so far; what Weft
   * could not do when that thread is stalled as above, else null.
   */
  String check(ControlledThread t, int steps, ControlledThread[] threads) {
    ThreadMXBean jvm = JvmMonitorWaits.threadBean();
    if (jvm == null || t.virtual || t.thread.getState() != Thread.State.BLOCKED) {
      seen = null;
      return null;
    }
    if (t != seen || steps != seenAtStep) {
      seen = t;
      seenAtStep = steps;
      watches = 0;
    }
    if (++watches != PATIENCE) return null;
    ThreadInfo info = jvm.getThreadInfo(t.thread.getId(), Integer.MAX_VALUE);
    if (info == null || info.getLockInfo() == null) return null;
    for (ControlledThread holder : threads) {
      if (holder != t && !holder.turn && holder.thread.getId() == info.getLockOwnerId()) {
        return report(t, holder, info);
      }
    }
    return null; // a thread Weft does not control holds it: left to the execution's deadline
  }

  private static String report(ControlledThread t, ControlledThread holder, ThreadInfo info) {
    StackTraceElement[] stack = info.getStackTrace();
    String jdkAt = stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName();
    return "Weft cannot go on: " + t.displayName() + " is blocked inside the JVM entering the"
        + " monitor of a " + info.getLockInfo().getClassName() + " that " + holder.displayName()
        + " holds while it waits for its turn. JDK code took that monitor (" + t.displayName()
        + " at " + jdkAt + ", called from " + programFrame(stack) + "; " + holder.displayName()
        + " at " + programFrame(holder.thread.getStackTrace()) + "), and Weft does not model the"
        + " monitors of that class: it cannot give " + holder.displayName() + " the turn while "
        + t.displayName() + " waits, nor tell whether the program deadlocks there. The"
        + " exploration stops here, and no bug is reported. The JDK's monitors Weft models are"
        + " listed in docs/concurrency.md, \"The JDK's own monitors\".\n";
  }

  /** The program's innermost frame, as {@code File.java:12}, or {@code ?}. */
  private static String programFrame(StackTraceElement[] stack) {
    for (StackTraceElement f : stack) {
      if (!JdkFrames.isJdkOrWeft(f.getClassName())) {
        return f.getFileName() == null ? f.getClassName() : f.getFileName() + ":" + f.getLineNumber();
      }
    }
    return "?";
  }
}
