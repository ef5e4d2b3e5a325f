package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.threads.TurnHolder;
import dev.weft.scheduler.threads.Handoff;
import dev.weft.scheduler.view.Operation;
import java.io.FileDescriptor;
import java.util.regex.Pattern;

/**
 * A thread under Weft's control within one execution: what the execution knows of it, beside the
 * turn it holds or waits for ({@link TurnHolder}).
 *
 * <p>Fields other than the volatile ones are touched only by the thread holding the turn; the
 * handoff's volatile write and read order them.
 */
final class ControlledThread extends TurnHolder {
  // Names the JDK numbers from counters that outlive an execution would differ between runs;
  // virtual threads have none unless the program gives them one. Compiled once: every execution
  // names each of its threads in its result.
  private static final Pattern GENERATED_NAME = Pattern.compile(
      "Thread-\\d+|pool-\\d+-thread-\\d+|ForkJoinPool(\\.commonPool|-\\d+)-worker-\\d+|weft-.*"
      + "|InnocuousThread-\\d+");

  final int id;
  final ControlledThread parent;

  volatile ThreadStatus status;

  /** Begun but not yet at its first scheduling point; its parent waits for it meanwhile. */
  volatile boolean starting;

  /**
   * Started by JDK code (an executor): its {@link Operation#BEGIN} step runs JDK code next, which
   * hands work between threads.
   */
  boolean startedByJdk;

  /**
   * A daemon thread the JDK made for an asynchronous channel group ({@link ChannelGroups}): like
   * the JVM, the execution does not wait for it to end.
   */
  boolean jdkDaemon;

  /** The exception the thread's hook last threw on the program's behalf ({@link HookGuard}). */
  Throwable thrownForProgram;

  Operation pendingOp;
  Object pendingObject;
  int pendingSite = -1;
  /** The element a pending plain array access touches; -1 for a field. */
  int pendingIndex = -1;

  // Spin detection (SpinDetector): what the thread polled since the write epoch pollEpoch, and how
  // often; the epoch at its pending pause; the epoch its last step, a call, moved to (else -1).
  final int[] pollSites = new int[SpinDetector.POLLS_KEPT];
  final Object[] pollTargets = new Object[SpinDetector.POLLS_KEPT];
  final int[] pollCounts = new int[SpinDetector.POLLS_KEPT];
  int pollsKept;
  long pollEpoch;
  long pauseEpoch;
  long attemptEpoch = -1;
  // Sections that only read (SpinDetector): the pending step opens one; the coming close loops
  // back to its opening; the section the thread holds, and where it opened it; the section whose
  // looping close the thread took last, with nothing done since (null when not so), and its site.
  boolean opensReadOnly;
  boolean closesLooping;
  Object readOnlyLock;
  int readOnlySite;
  Object loopedLock;
  int loopedSite;

  /** Why this thread last gave up the turn, when tracing: {@code T1 preempted}. */
  String stopReason;

  /** Interrupt status, kept in the model: the real flag would make every park return at once. */
  boolean interrupted;

  /**
   * Granted a spurious wakeup ({@link SpuriousWakeups}) for its current wait or park: it can run as
   * if notified or unparked, and returns with nothing changed.
   */
  boolean spurious;

  // Emulated Object.wait: the lock, the reentrancy depth to restore, the timeout (-1 untimed).
  Object waitLock;
  int savedDepth;
  long waitTimeoutNanos = -1;
  boolean notified;

  // LockSupport.park: the permit, one given by a thread Weft does not control, the timeout.
  boolean permit;
  volatile boolean externalPermit;
  long parkTimeoutNanos = -1;
  Object parkBlocker;

  /**
   * The {@code java.util.concurrent} call this thread is inside, so that parks within it read as
   * part of it ({@code park ReentrantLock#1}); cleared at its next other scheduling point.
   */
  boolean inCall;
  Object callTarget;
  int callSite = -1;

  /**
   * When the structures are opened, set from a call of the program's on one of {@link
   * JdkStructures} until it returns: the classes (dotted) whose accesses are scheduling points
   * meanwhile; null outside such a call ({@link StructureSteps#callMade}).
   */
  java.util.List<String> insideStructure;

  /** What {@link #insideStructure} was outside each program's call still running, innermost first. */
  StructureSteps.Outer outsideCalls;

  /**
   * How many hooks' model code this thread is running, one inside another: the model's own use of
   * JDK code (a hash code looked up in a map) reaches hooks too, which then must not be steps of a
   * structure's call ({@link StructureSteps}).
   */
  int modelDepth;

  /**
   * Set when the thread entered a call that holds a real JDK monitor while it runs the program's
   * code ({@code computeIfAbsent}); cleared at the first scheduling point found outside it, however
   * the call was left (a return or an exception).
   */
  boolean lockedCall;

  /**
   * The monitor this thread blocked on inside the JVM while it held the turn, when the runtime
   * took its scheduling point for it ({@link JvmMonitorWaits}); null otherwise. Set before the turn
   * is handed on, so the thread reads it once the JVM gives it the monitor.
   */
  volatile Object jvmBlockedOn;

  // A wait for a socket (Sockets): the descriptor (null when not waiting), the events awaited, the
  // timeout (-1 untimed), and the count of deliveries when its readiness was last settled.
  FileDescriptor socketFd;
  int socketEvents;
  long socketTimeoutNanos = -1;
  int socketDeliveriesSeen;

  // Thread.join: the target, and the timeout (-1 untimed).
  ControlledThread joinTarget;
  long joinTimeoutNanos = -1;

  /** Names the thread by its parent and birth order, the same whatever order siblings start in. */
  final long lineage;
  /** Children started so far, and steps taken so far: for {@link TraceFingerprint}. */
  int childrenStarted;
  int stepsTaken;

  ControlledThread(int id, Thread thread, ControlledThread parent, ThreadStatus status) {
    super(thread);
    this.id = id;
    this.parent = parent;
    this.status = status;
    this.lineage = parent == null ? 1 : parent.lineage * 1_000_003L + ++parent.childrenStarted;
  }

  /** Display name: {@code T3}, plus the thread's own name when the program gave it one. */
  String displayName() {
    String name = thread.getName();
    boolean generated = name.isEmpty() || GENERATED_NAME.matcher(name).matches();
    return generated ? "T" + id : "T" + id + " (" + name + ")";
  }
}
