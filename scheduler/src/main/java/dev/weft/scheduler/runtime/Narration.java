package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The words of traces and reports for one execution: what an operation targets ({@code
 * Counter#1.value}), why a thread stopped running, what threads were doing at a livelock or at the
 * deadline. Names objects through the execution's {@link ObjectIds}, so the same schedule always
 * reads the same.
 */
final class Narration {
  private final Execution execution;
  private final ObjectIds ids;

  Narration(Execution execution, ObjectIds ids) {
    this.execution = execution;
    this.ids = ids;
  }

  /** The target of an operation as a trace shows it; null when it has none. */
  String describe(Operation op, Object target, int site) {
    if (target instanceof Thread t) {
      ControlledThread c = execution.find(t);
      return c != null ? c.displayName() : ids.nameOf(t);
    }
    if (op == Operation.VOLATILE_READ || op == Operation.VOLATILE_WRITE
        || op == Operation.PLAIN_READ || op == Operation.PLAIN_WRITE) {
      Site s = SiteRegistry.get(site);
      String field = s == null || s.detail() == null ? "?" : s.detail();
      if (op.isPlain()) field = Site.shortField(field); // a plain site names its package too
      if (target == null) return field; // static field: Class.field
      return ids.nameOf(target) + field.substring(Math.max(0, field.lastIndexOf('.')));
    }
    if (target instanceof Class<?> c && (op == Operation.CLASS_INIT
        || op == Operation.CLASS_INITIALIZED)) {
      String name = ids.nameOf(c);
      return "class " + name.substring(0, name.length() - ".class".length());
    }
    return target == null ? null : ids.nameOf(target);
  }

  /** What a thread will do next, e.g. {@code enter Object#2} or {@code sleep}. */
  String pendingText(ControlledThread t) {
    if (t.pendingOp == null) return "its start";
    String target = describe(t.pendingOp, t.pendingObject, t.pendingSite);
    String verb = TraceEvent.verb(t.pendingOp, t.pendingSite, target != null);
    return target == null ? verb : verb + " " + target;
  }

  /** Why {@code ct} gave up the turn, for the switch marks of a trace. */
  String whyStopped(ControlledThread ct, boolean spinning, boolean enabled) {
    if (ct.status == ThreadStatus.FINISHED) return ct.displayName() + " ended";
    if (ct.status == ThreadStatus.WAITING) return ct.displayName() + " waits";
    if (spinning) return ct.displayName() + " spins (" + spin(ct) + ")";
    if (enabled) return ct.displayName() + " preempted";
    return ct.displayName() + " blocked on " + pendingText(ct);
  }

  /** What makes {@code ct} spin: {@code reads Flag#1.ready again, nothing written}. */
  private String spin(ControlledThread ct) {
    if (SpinDetector.isPause(ct.pendingOp)) return ct.pendingOp.verb() + ", nothing written since";
    if (ct.opensReadOnly && ct.loopedLock == ct.pendingObject) {
      return pendingText(ct) + " again to read only, nothing written since";
    }
    if (ct.pendingOp == Operation.CALL) {
      return pendingText(ct) + " failed before, nothing written since";
    }
    return "reads " + describe(ct.pendingOp, ct.pendingObject, ct.pendingSite)
        + " again, nothing written";
  }

  /**
   * Why a failure may hinge on a timed wait of {@code t}, chosen to expire while another thread
   * could still run, and how to explore without that; given the step it expired at.
   */
  IntFunction<String> earlyTimeout(ControlledThread t) {
    boolean waiting = t.status == ThreadStatus.WAITING;
    String what = waiting ? "wait on " + ids.nameOf(t.waitLock) : pendingText(t);
    long nanos = waiting ? t.waitTimeoutNanos
        : t.pendingOp == Operation.JOIN ? t.joinTimeoutNanos : t.parkTimeoutNanos;
    String who = t.displayName();
    return step -> "Note: " + who + "'s timed " + what + " (" + duration(nanos)
        + ") timed out at step " + step + " while another thread could still run. Weft lets a"
        + " timeout under 1 s expire at any point, as a loaded machine can (timeouts: anytime, the"
        + " default). If the program may count on other threads running first, explore with"
        + " --timeouts=when-blocked (in the API, Options' timeouts(Timeouts.WHEN_BLOCKED),"
        + " @InterleavingTest(timeouts = Timeouts.WHEN_BLOCKED), or -Dweft.timeouts=when-blocked):"
        + " a timeout then expires only when no other thread can run.\n";
  }

  /** Why a failure may hinge on {@code t}'s spurious return from {@code what}; given its step. */
  static IntFunction<String> spuriousWakeup(ControlledThread t, String what) {
    String who = t.displayName();
    return step -> "Note: " + who + " returned from its " + what + " at step " + step
        + " without being notified, unparked, interrupted or timed out: a spurious wakeup, which"
        + " wait and park allow (JLS 17.2.1). Check the awaited condition again in a loop. Weft"
        + " explores one spurious wakeup per execution; --no-spurious-wakeups (in the API,"
        + " Options' spuriousWakeups(false), @InterleavingTest(spuriousWakeups = false), or"
        + " -Dweft.spuriousWakeups=false) turns that off.\n";
  }

  /** {@code 1 ms}, {@code 250 us} or {@code 10 ns}. */
  static String duration(long nanos) {
    if (nanos % 1_000_000 == 0) return nanos / 1_000_000 + " ms";
    return nanos % 1_000 == 0 ? nanos / 1_000 + " us" : nanos + " ns";
  }

  String livelock(int maxSteps, ControlledThread[] threads) {
    StringBuilder s = new StringBuilder("Step bound of ").append(maxSteps)
        .append(" scheduling points reached: a possible livelock or unbounded spin.")
        .append(" Threads still running:\n");
    for (ControlledThread t : threads) {
      if (t.status == ThreadStatus.FINISHED) continue;
      s.append("  ").append(t.displayName()).append(" at ").append(pendingText(t))
          .append(" (").append(DeadlockReport.at(t.pendingSite)).append(")\n");
    }
    s.append("If the program is merely long, raise maxSteps.\n");
    if (execution.jdkStructuresOpened()) {
      s.append("The JDK's lock-free structures are opened up (openJdkStructures): every access"
          + " inside a call on one is a scheduling point, and a walk over a large map or queue"
          + " takes thousands of them.\n");
    }
    return s.toString();
  }

  /**
   * The report of an execution whose thread {@code stuck} did not come back within the execution
   * timeout of {@code timeoutNanos}: each such thread (and each still starting) with where it is.
   * The first line is a sentence of its own: it is the failure's summary.
   */
  static String stuck(ControlledThread stuck, ControlledThread[] threads, ClassInits classInits,
      long timeoutNanos) {
    StringBuilder report = new StringBuilder();
    for (ControlledThread t : threads) {
      if (t == stuck || Execution.isStarting(t)) stuck(t, timeoutNanos, report);
    }
    if (stuck != null) classInitInProgress(stuck, threads, classInits, report);
    report.append("Weft cannot take control back from such a thread, so the exploration stops here.")
        .append(" If the code is merely slow, raise the execution timeout: --execution-timeout on")
        .append(" the command line, Options.executionTimeout or -Dweft.executionTimeout in")
        .append(" tests.\n");
    return report.toString();
  }

  /**
   * A use of a class that the agent cannot see (a method reference to a static method or a
   * constructor, whose class the JVM generates, or a method handle to a constructor) waits inside
   * the JVM when another thread is running the class's initializer: say so when one is.
   */
  private static void classInitInProgress(ControlledThread stuck, ControlledThread[] threads,
      ClassInits classInits, StringBuilder report) {
    StackTraceElement[] stack = stuck.thread.getStackTrace();
    String top = stack.length == 0 ? "" : stack[0].getClassName();
    // On JDK 21 and later the class the JVM generates for a lambda is hidden, and so are its
    // frames: a thread blocked in one shows Thread.run on top, with nothing above it.
    boolean hiddenTop = stack.length > 0 && top.equals("java.lang.Thread")
        && stack[0].getMethodName().equals("run");
    for (ControlledThread t : threads) {
      if (t == stuck) continue;
      for (String type : classInits.initializing(t)) {
        if (top.startsWith(type + "$$Lambda") || hiddenTop) {
          // The class the JVM generates for a lambda or method reference written in the class
          // being initialized: its body is a static method of that class, so the wait is certain
          // when the frame shows it, and likely when the JVM hides the frame.
          report.append(stuck.displayName());
          if (hiddenTop) {
            report.append(" is blocked in a frame the JVM hides, as it hides the class it")
                .append(" generates for a lambda or method reference (JDK 21 and later). If it")
                .append(" runs one written in class ").append(type);
          } else {
            report.append(" runs a lambda or method reference written in class ").append(type);
          }
          report.append(", whose body is a static method of ")
              .append(type).append(", called from a class the JVM generates, which Weft cannot")
              .append(" see: it waits inside the JVM for the initialization of ").append(type)
              .append(", which ").append(t.displayName()).append(" is running. If ")
              .append(t.displayName()).append(" waits for ").append(stuck.displayName())
              .append(" (an initializer that joins the thread it started), the program")
              .append(" deadlocks in any JVM. Give the thread a body in another class (a nested")
              .append(" class implementing Runnable), so that Weft sees the use and can report")
              .append(" the deadlock with its cycle.\n");
          continue;
        }
        report.append(t.displayName()).append(" is initializing class ").append(type)
            .append(": if ").append(stuck.displayName()).append(" uses that class through a")
            .append(" method reference or a method handle to a constructor, which Weft cannot")
            .append(" see, it waits inside the JVM for that initialization to end. Use a lambda")
            .append(" there instead, so that Weft sees the use and can schedule the wait.\n");
      }
    }
  }

  private static void stuck(ControlledThread t, long timeoutNanos, StringBuilder report) {
    report.append(t.displayName()).append(" is running code Weft does not control")
        .append(" (an uncontrolled lock or queue, I/O, or a loop with no scheduling point)")
        .append(" and did not come back within the execution timeout of ")
        .append(duration(timeoutNanos)).append(".\n");
    for (StackTraceElement frame : t.thread.getStackTrace()) {
      // Without the module and loader prefixes that StackTraceElement.toString adds: they differ
      // between JDK versions and say nothing to the reader.
      report.append("    at ").append(frame.getClassName()).append('.')
          .append(frame.getMethodName()).append('(').append(where(frame)).append(")\n");
    }
  }

  private static String where(StackTraceElement frame) {
    if (frame.isNativeMethod()) return "Native Method";
    if (frame.getFileName() == null) return "Unknown Source";
    return frame.getLineNumber() < 0
        ? frame.getFileName() : frame.getFileName() + ":" + frame.getLineNumber();
  }

  /**
   * {@code ct} ended the process through {@code api} ({@code Runtime.exit} or {@code halt}) with a
   * status other than 0: the program's failure, named with the program's line that called it.
   */
  static String exit(ControlledThread ct, String api, int status) {
    String called = api.equals("Runtime.exit")
        && JdkFrames.inside("java.lang.System", Set.of("exit")) ? "System.exit" : api;
    return ct.displayName() + " called " + called + "(" + status + ") at "
        + DeadlockReport.at(JdkFrames.programSite(ct));
  }

  /** {@code ct} {@code did} something that would wait for a thread Weft does not control. */
  static String reachedUncontrolled(ControlledThread ct, String did) {
    return ct.displayName() + " " + did + ", a thread Weft does not control (started before the"
        + " exploration, or by native code): Weft cannot schedule it, so waiting for it could hang."
        + " Start it from the test body, or from a thread the body starts, so that Weft controls"
        + " it.\n";
  }

  /** Weft could not do {@code what}, because of {@code cause}: its own failure, not the program's. */
  static String internalError(String what, Throwable cause) {
    return "Weft failed: it could not " + what + ", because it threw " + cause + ". This is a bug"
        + " in Weft, not in the program under test; please report it with the stack trace.";
  }
}
