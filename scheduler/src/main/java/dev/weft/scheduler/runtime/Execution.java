package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.MonitorModel;
import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.strategy.ChoiceKind;
import dev.weft.scheduler.strategy.ReplayDivergence;
import dev.weft.scheduler.strategy.SchedulingView;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One execution: its controlled threads, the models of the monitors they use, and the scheduling
 * loop. The hooks call in here; {@link Scheduler} creates, runs and cleans it up.
 *
 * <p>Mechanism only: it computes which threads are enabled and asks the {@link Strategy} which one
 * runs. Every operation's hook first calls {@link #step} (the scheduling point), then applies the
 * operation to the model and, when tracing, records it.
 *
 * <p>Threading: the fields below are touched only by the thread holding the turn, except those
 * marked volatile, and the identity of threads ({@link #threads}) which is republished on change.
 */
public final class Execution implements SchedulingView {
  private static volatile Execution active;

  /** Identical reads with nothing written in between after which a thread counts as spinning. */
  private static final int SPIN_READS = 2;

  /** The execution in progress, or null. The single check every hook pays. */
  public static Execution active() {
    return active;
  }

  static void activate(Execution e) {
    active = e;
  }

  private final ExecutionConfig config;
  private final Strategy strategy;
  private final Thread caller;
  private final Map<Object, MonitorModel> monitors = new IdentityHashMap<>();
  private final Choices choices = new Choices();
  private final ObjectIds ids = new ObjectIds();
  private final List<TraceEvent> trace;
  private final TraceFingerprint fingerprint = new TraceFingerprint();
  /** Whether the strategy sees every step and every access (systematic search). */
  private final boolean observing;
  /** Object numbers for {@link Locations}, in first-touch order. */
  private final Map<Object, Integer> objectNumbers;

  private volatile ControlledThread[] threads = new ControlledThread[0];
  private volatile ControlledThread running;
  private volatile boolean ended;
  private ExecutionResult result;

  private int steps;
  private int preemptions;
  private int[] enabled = new int[4];
  private int enabledCount;
  private int viewCurrent;
  /** Counts operations that may have changed shared state; see {@link #trackSpinning}. */
  private long writeEpoch;
  private long virtualNanos;
  private int lastTracedThread = -1;

  Execution(ExecutionConfig config, Strategy strategy, Thread caller) {
    this.config = config;
    this.strategy = strategy;
    this.caller = caller;
    this.trace = config.trace() ? new ArrayList<>() : null;
    this.observing = strategy.observesEveryStep();
    this.objectNumbers = new IdentityHashMap<>();
  }

  // ---------------------------------------------------------------- lifecycle, driven by Scheduler

  ControlledThread createMainThread(Task task) {
    ControlledThread[] holder = new ControlledThread[1];
    Thread t = new Thread(() -> runMain(holder[0], task), "weft-body");
    t.setDaemon(true);
    ControlledThread main = new ControlledThread(0, t, null, ThreadStatus.RUNNABLE);
    holder[0] = main;
    threads = new ControlledThread[] {main};
    running = main;
    main.turn = true;
    return main;
  }

  private void runMain(ControlledThread main, Task task) {
    try {
      task.run();
    } catch (Throwable error) {
      if (!(error instanceof AbortedExecution) && !ended) failed(main, error);
    } finally {
      if (main.status != ThreadStatus.FINISHED) finish(main);
    }
  }

  boolean isEnded() {
    return ended;
  }

  /** Ends the execution once; later calls are ignored. Wakes the caller. */
  private synchronized void end(Outcome outcome, String report, ControlledThread who, Throwable e) {
    if (ended) return;
    List<String> names = new ArrayList<>();
    for (ControlledThread t : threads) names.add(t.displayName());
    result = new ExecutionResult(
        outcome, report, who == null ? -1 : who.id, e, choices.copy(), steps, preemptions,
        fingerprint.value(),
        trace == null ? List.of() : List.copyOf(trace), List.copyOf(names), false);
    ended = true;
    strategy.endExecution(steps);
    LockSupport.unpark(caller);
  }

  /** Called by the caller when the deadline passed: names the thread that holds the turn. */
  void endStuck() {
    // A thread still starting is the one stuck: the turn's holder only waits for it to begin.
    ControlledThread stuck = running;
    for (ControlledThread t : threads) if (isStarting(t)) stuck = t;
    StringBuilder report = new StringBuilder();
    for (ControlledThread t : threads) {
      if (t == stuck || isStarting(t)) {
        report.append(t.displayName()).append(" is running code Weft does not control")
            .append(" (an uncontrolled lock or queue, I/O, or a loop with no scheduling point)")
            .append(" and did not come back before the deadline:\n");
        for (StackTraceElement frame : t.thread.getStackTrace()) {
          // Without the module and loader prefixes that StackTraceElement.toString adds: they
          // differ between JDK versions and say nothing to the reader.
          report.append("    at ").append(frame.getClassName()).append('.')
              .append(frame.getMethodName()).append('(').append(where(frame)).append(")\n");
        }
      }
    }
    report.append("Weft cannot take control back from such a thread, so the exploration stops here.")
        .append(" Raise the execution timeout if the code is merely slow.\n");
    end(Outcome.STUCK, report.toString(), stuck, null);
  }

  private static boolean isStarting(ControlledThread t) {
    return t.status == ThreadStatus.NEW || t.status == ThreadStatus.RUNNABLE && t.starting;
  }

  private static String where(StackTraceElement frame) {
    if (frame.isNativeMethod()) return "Native Method";
    if (frame.getFileName() == null) return "Unknown Source";
    return frame.getLineNumber() < 0
        ? frame.getFileName() : frame.getFileName() + ":" + frame.getLineNumber();
  }

  synchronized ExecutionResult result(boolean leaked) {
    return leaked ? withLeak(result) : result;
  }

  private static ExecutionResult withLeak(ExecutionResult r) {
    return new ExecutionResult(r.outcome(), r.report(), r.thread(), r.error(), r.choices(),
        r.steps(), r.preemptions(), r.fingerprint(), r.trace(), r.threadNames(), true);
  }

  ControlledThread[] threads() {
    return threads;
  }

  // ---------------------------------------------------------------- finding the calling thread

  /**
   * The calling thread if it is controlled and may act now; null when the hook must pass through.
   * Begins a freshly started thread (which then waits for its first turn). Throws {@link
   * AbortedExecution} into controlled threads of an execution that has ended.
   */
  private ControlledThread controlled() {
    ControlledThread r = running;
    Thread me = Thread.currentThread();
    ControlledThread ct = r != null && r.thread == me ? r : find(me);
    if (ct == null || ct.insideHook) return null;
    if (ended) {
      if (ct.status == ThreadStatus.FINISHED) return null;
      throw AbortedExecution.INSTANCE;
    }
    if (ct.status == ThreadStatus.NEW) begin(ct);
    return ct;
  }

  private ControlledThread find(Thread t) {
    for (ControlledThread ct : threads) if (ct.thread == t) return ct;
    return null;
  }

  // ---------------------------------------------------------------- scheduling

  /** A scheduling point: {@code ct} is about to perform {@code op}; returns when it may. */
  private void step(ControlledThread ct, Operation op, Object target, int site) {
    ct.pendingOp = op;
    ct.pendingObject = target;
    ct.pendingSite = site;
    trackSpinning(ct, op, target, site);
    if (ct.starting) {
      // A new thread's first visible operation: its parent still holds the turn and waits for it
      // here. From now on it is enabled like any other thread.
      ct.starting = false;
      LockSupport.unpark(ct.parent.thread);
      awaitTurn(ct);
    } else {
      ControlledThread next = chooseNext(ct);
      if (next == null) throw AbortedExecution.INSTANCE;
      if (next != ct) switchTo(ct, next);
    }
    if (mayWrite(op)) writeEpoch++; // the operation happens now, not when it was reached
    fingerprint.add(ct.lineage, ct.stepsTaken++, !mayWrite(op), location(ct, op, target, site));
  }

  /** Picks who runs after {@code ct}'s scheduling point; null when the execution ended instead. */
  private ControlledThread chooseNext(ControlledThread ct) {
    ct.insideHook = true;
    try {
      if (steps == config.maxSteps()) {
        end(Outcome.LIVELOCK, livelockReport(), null, null);
        return null;
      }
      steps++;
      collectEnabled();
      if (enabledCount == 0) {
        end(Outcome.DEADLOCK, new DeadlockReport(threads, monitors, ids).render(), null, null);
        return null;
      }
      ControlledThread next;
      if (enabledCount == 1 && !observing) {
        next = threads[enabled[0]];
      } else {
        viewCurrent = ct.id;
        int id = strategy.pickThread(this);
        if (id == Strategy.PRUNE) {
          end(Outcome.PRUNED, "", null, null);
          return null;
        }
        if (!isEnabled(id)) throw new IllegalStateException("strategy chose disabled thread T" + id);
        if (enabledCount > 1) choices.add(ChoiceKind.THREAD, id);
        next = threads[id];
      }
      if (next != ct && isEnabled(ct.id)) preemptions++;
      if (next != ct && trace != null) ct.stopReason = whyStopped(ct);
      return next;
    } catch (ReplayDivergence d) {
      end(Outcome.DIVERGED, "The replay diverged: " + d.getMessage(), ct, null);
      return null;
    } finally {
      ct.insideHook = false;
    }
  }

  /** A nondeterministic choice other than a thread, recorded like one. */
  private int choose(ControlledThread ct, ChoiceKind kind, int bound) {
    if (bound == 1) return 0;
    ct.insideHook = true;
    try {
      int value = strategy.pickValue(kind, bound);
      choices.add(kind, value);
      return value;
    } catch (ReplayDivergence d) {
      end(Outcome.DIVERGED, "The replay diverged: " + d.getMessage(), ct, null);
      throw AbortedExecution.INSTANCE;
    } finally {
      ct.insideHook = false;
    }
  }

  private void switchTo(ControlledThread from, ControlledThread to) {
    running = to;
    from.turn = false;
    to.grant();
    awaitTurn(from);
  }

  private void awaitTurn(ControlledThread ct) {
    while (!ct.turn) {
      if (ended) throw AbortedExecution.INSTANCE;
      LockSupport.park(this);
      if (Thread.interrupted()) ct.interrupted = true;
    }
  }

  private void collectEnabled() {
    ControlledThread[] all = threads;
    if (enabled.length < all.length) enabled = new int[all.length * 2];
    int n = 0;
    boolean progress = false;
    for (ControlledThread t : all) {
      if (isEnabled(t)) {
        enabled[n++] = t.id;
        progress |= !isSpinning(t);
      }
    }
    if (progress) { // spinners wait while a thread that can change something is able to run
      int kept = 0;
      for (int i = 0; i < n; i++) if (!isSpinning(threads[enabled[i]])) enabled[kept++] = enabled[i];
      n = kept;
    }
    enabledCount = n;
  }

  /**
   * Spin detection. A thread about to read, at the same site, the same volatile field (or thread
   * state: isAlive, isInterrupted) it read twice before with nothing written anywhere since, would
   * read the same value again: it spins. Running
   * it cannot change anything, so it steps aside while another thread that can run is not spinning;
   * when all that can run spin, they run (and a true livelock reaches the step bound). Without this,
   * strategies that favour one thread (systematic search, PCT) would starve the thread a spin waits
   * for. The cost, documented in docs/strategies.md: a read-only loop of three or more iterations
   * at one site, with no write anywhere in between, is not interleaved with other threads inside.
   */
  private void trackSpinning(ControlledThread ct, Operation op, Object target, int site) {
    if (isRead(op)) {
      boolean again = site == ct.spinSite && target == ct.spinTarget && writeEpoch == ct.spinEpoch;
      ct.spinCount = again ? ct.spinCount + 1 : 0;
      ct.spinSite = site;
      ct.spinTarget = target;
      ct.spinEpoch = writeEpoch;
    } else if (mayWrite(op)) {
      ct.spinCount = 0;
    }
  }

  /** Reads of shared state that a loop may poll: a volatile field, a thread's state. */
  private static boolean isRead(Operation op) {
    return op == Operation.VOLATILE_READ || op == Operation.IS_ALIVE
        || op == Operation.IS_INTERRUPTED;
  }

  /** Whether an operation may change shared state (anything but reads and pauses). */
  private static boolean mayWrite(Operation op) {
    return !isRead(op) && op != Operation.YIELD && op != Operation.SLEEP;
  }

  private boolean isSpinning(ControlledThread t) {
    return t.spinCount >= SPIN_READS && t.spinEpoch == writeEpoch && isRead(t.pendingOp);
  }

  private boolean isEnabled(ControlledThread t) {
    switch (t.status) {
      case RUNNABLE:
        if (t.starting) return false; // not yet at its first visible operation
        if (t.pendingOp == Operation.MONITOR_ENTER) return isFreeFor(t.pendingObject, t);
        if (t.pendingOp == Operation.JOIN) {
          return t.joinTarget.status == ThreadStatus.FINISHED || t.interrupted
              || t.joinTimeoutNanos >= 0;
        }
        return true;
      case WAITING:
        boolean mayWake = t.notified || t.interrupted || t.waitTimeoutNanos >= 0
            || config.spuriousWakeups();
        return mayWake && isFreeFor(t.waitLock, t);
      default:
        return false;
    }
  }

  private boolean isFreeFor(Object lock, ControlledThread t) {
    MonitorModel m = monitors.get(lock);
    return m == null || m.isFreeFor(t.id);
  }

  /**
   * Names the monitor on first touch, so that reports name it by the schedule, not by the identity
   * hash order in which they iterate {@link #monitors}.
   */
  private MonitorModel monitor(Object lock) {
    MonitorModel m = monitors.get(lock);
    if (m == null) {
      ids.nameOf(lock);
      m = new MonitorModel();
      monitors.put(lock, m);
    }
    return m;
  }

  // ---------------------------------------------------------------- SchedulingView

  @Override
  public int step() {
    return steps;
  }

  @Override
  public int current() {
    return viewCurrent;
  }

  @Override
  public int threadCount() {
    return threads.length;
  }

  @Override
  public int enabledCount() {
    return enabledCount;
  }

  @Override
  public int enabled(int i) {
    return enabled[i];
  }

  @Override
  public boolean isEnabled(int id) {
    for (int i = 0; i < enabledCount; i++) if (enabled[i] == id) return true;
    return false;
  }

  @Override
  public Operation pendingOperation(int id) {
    return threads[id].pendingOp;
  }

  @Override
  public long pendingLocation(int id) {
    ControlledThread t = threads[id];
    return location(t, t.pendingOp, t.pendingObject, t.pendingSite);
  }

  private long location(ControlledThread t, Operation op, Object target, int site) {
    if (op == null) return Locations.NONE; // a thread that has not taken its first step
    switch (op) {
      case MONITOR_ENTER: case MONITOR_EXIT: case WAIT: case WAKE: case NOTIFY: case NOTIFY_ALL:
        return Locations.monitor(objectNumber(target));
      case VOLATILE_READ: case VOLATILE_WRITE:
        Site s = SiteRegistry.get(site);
        String field = s == null || s.detail() == null ? "?" + site : s.detail();
        return Locations.field(target == null ? 0 : objectNumber(target), field);
      case START: case JOIN: case IS_ALIVE:
        return Locations.lifecycle(idOf(target));
      case INTERRUPT: case IS_INTERRUPTED:
        return Locations.interruptStatus(idOf(target));
      case END:
        return Locations.lifecycle(t.id);
      default:
        return Locations.NONE;
    }
  }

  private int objectNumber(Object o) {
    return objectNumbers.computeIfAbsent(o, k -> objectNumbers.size() + 1);
  }

  /** The controlled id of a thread about to be started or already known. */
  private int idOf(Object thread) {
    ControlledThread c = find((Thread) thread);
    return c != null ? c.id : threads.length; // START: the id the child is about to get
  }

  // ---------------------------------------------------------------- thread lifecycle

  /** The new thread announces itself to its parent, then waits for its first turn. */
  /**
   * A new thread begins: it runs on, while its parent waits in {@link #afterStart}, up to its first
   * visible operation. What it does before that is invisible to every other thread, so running it
   * right away is the same as running it later, and saves a scheduling point that would only have
   * moved it there.
   */
  private void begin(ControlledThread ct) {
    ct.pendingOp = null;
    ct.starting = true;
    ct.status = ThreadStatus.RUNNABLE;
  }

  public void threadRunEntered() {
    controlled();
  }

  public void beforeStart(Thread t, int site) {
    ControlledThread ct = controlled();
    if (ct == null || find(t) != null || t.getState() != Thread.State.NEW) return;
    step(ct, Operation.START, t, site);
    ControlledThread[] all = threads;
    ControlledThread child = new ControlledThread(all.length, t, ct, ThreadStatus.NEW);
    ControlledThread[] grown = Arrays.copyOf(all, all.length + 1);
    grown[all.length] = child;
    threads = grown;
    record(ct, Operation.START, t, site, null);
  }

  /**
   * The parent keeps the turn until the child has reached its first visible operation (or ended
   * without one).
   */
  public void afterStart(Thread t) {
    ControlledThread ct = controlled();
    if (ct == null) return;
    ControlledThread child = find(t);
    if (child == null || child.parent != ct) return;
    while (isStarting(child)) {
      if (ended) throw AbortedExecution.INSTANCE;
      LockSupport.park(this);
    }
  }

  public void threadExiting(Thread t) {
    ControlledThread ct = find(t);
    if (ct == null || ct.status == ThreadStatus.FINISHED) return;
    if (ended) {
      ct.status = ThreadStatus.FINISHED;
    } else if (ct.status == ThreadStatus.NEW || ct.starting) {
      ct.status = ThreadStatus.FINISHED; // ran to the end without a single scheduling point
      LockSupport.unpark(ct.parent.thread);
    } else {
      finish(ct);
    }
  }

  /** {@code ct} ended: hand the turn on without waiting for it back. */
  private void finish(ControlledThread ct) {
    if (ended) {
      ct.status = ThreadStatus.FINISHED;
      return;
    }
    record(ct, Operation.END, null, -1, null);
    fingerprint.add(ct.lineage, ct.stepsTaken++, false, Locations.lifecycle(ct.id));
    ct.status = ThreadStatus.FINISHED;
    ct.pendingOp = Operation.END;
    boolean anyAlive = false;
    for (ControlledThread t : threads) anyAlive |= t.status != ThreadStatus.FINISHED;
    if (!anyAlive) {
      end(Outcome.PASSED, "", null, null);
      return;
    }
    ControlledThread next = chooseNext(ct);
    if (next != null) {
      running = next;
      next.grant();
    }
  }

  public boolean uncaughtException(Thread t, Throwable error) {
    ControlledThread ct = find(t);
    if (ct == null) return false;
    if (!(error instanceof AbortedExecution) && !ended) failed(ct, error);
    return true;
  }

  private void failed(ControlledThread ct, Throwable error) {
    end(Outcome.EXCEPTION, ct.displayName() + " threw " + error, ct, error);
  }

  // ---------------------------------------------------------------- monitors

  public void monitorEnter(Object lock, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return;
    MonitorModel m = monitor(lock);
    if (m.owner() != ct.id) step(ct, Operation.MONITOR_ENTER, lock, site); // reentry cannot block
    m.enter(ct.id, site);
    record(ct, Operation.MONITOR_ENTER, lock, site, null);
  }

  public void monitorExit(Object lock, int site) {
    if (ended) return;
    ControlledThread ct = running;
    if (ct == null || ct.thread != Thread.currentThread() || ct.insideHook) return;
    MonitorModel m = monitors.get(lock);
    if (m == null) return;
    m.exit(ct.id);
    writeEpoch++;
    fingerprint.add(ct.lineage, ct.stepsTaken++, false,
        location(ct, Operation.MONITOR_EXIT, lock, site));
    if (observing) {
      strategy.accessed(ct.id, Operation.MONITOR_EXIT, location(ct, Operation.MONITOR_EXIT, lock, site));
    }
    record(ct, Operation.MONITOR_EXIT, lock, site, null);
  }

  /**
   * Emulates {@code lock.wait}: releases the modelled monitor, lets others run, and resumes when
   * notified, interrupted, timed out or (if allowed) spuriously woken. Returns false when the caller
   * is not controlled and the real wait must run.
   */
  public boolean waitOn(Object lock, long timeoutNanos, int site) throws InterruptedException {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    step(ct, Operation.WAIT, lock, site);
    MonitorModel m = monitors.get(lock);
    if (m == null || m.owner() != ct.id) {
      throw new IllegalMonitorStateException("current thread is not owner");
    }
    if (ct.interrupted) {
      ct.interrupted = false;
      record(ct, Operation.WAIT, lock, site, "already interrupted");
      throw new InterruptedException();
    }
    record(ct, Operation.WAIT, lock, site, null);
    ct.savedDepth = m.releaseAll(ct.id);
    ct.waitLock = lock;
    ct.waitTimeoutNanos = timeoutNanos;
    ct.notified = false;
    ct.status = ThreadStatus.WAITING;
    ct.pendingOp = Operation.WAKE;
    ControlledThread next = chooseNext(ct);
    if (next == null) throw AbortedExecution.INSTANCE;
    if (next != ct) {
      ct.realWaitLock = lock;
      running = next;
      ct.turn = false;
      next.grant();
      awaitTurnInWait(ct, lock);
      ct.realWaitLock = null;
    }
    m.leaveWaitSet(ct.id);
    m.reacquire(ct.id, ct.savedDepth, site);
    ct.status = ThreadStatus.RUNNABLE;
    String why = ct.notified ? "notified" : ct.interrupted ? "interrupted"
        : timeoutNanos >= 0 ? "timed out" : "spurious wakeup";
    if (!ct.notified && !ct.interrupted && timeoutNanos >= 0) virtualNanos += timeoutNanos;
    record(ct, Operation.WAKE, lock, site, why);
    // Notified and interrupted: return normally with the interrupt pending, as HotSpot does, so the
    // notification is not lost (JLS 17.2.4).
    if (ct.interrupted && !ct.notified) {
      ct.interrupted = false;
      throw new InterruptedException();
    }
    return true;
  }

  /** Waits for the turn inside the real monitor of {@code lock}, which the thread holds. */
  private void awaitTurnInWait(ControlledThread ct, Object lock) {
    while (!ct.turn) {
      if (ended) throw AbortedExecution.INSTANCE;
      try {
        lock.wait();
      } catch (InterruptedException e) {
        // Real interrupts reach a controlled thread only when its execution is being ended.
      }
    }
  }

  /** Emulates {@code notify}/{@code notifyAll}; which waiter wakes is the strategy's choice. */
  public boolean notify(Object lock, boolean all, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    Operation op = all ? Operation.NOTIFY_ALL : Operation.NOTIFY;
    step(ct, op, lock, site);
    MonitorModel m = monitors.get(lock);
    if (m == null || m.owner() != ct.id) {
      throw new IllegalMonitorStateException("current thread is not owner");
    }
    List<Integer> waiters = m.waitSet();
    StringBuilder woken = new StringBuilder();
    while (!waiters.isEmpty()) {
      int index = all ? 0 : choose(ct, ChoiceKind.NOTIFY, waiters.size());
      ControlledThread w = threads[waiters.remove(index)];
      w.notified = true;
      woken.append(woken.length() == 0 ? "woke " : ", ").append(w.displayName());
      if (!all) break;
    }
    record(ct, op, lock, site, woken.length() == 0 ? "no waiter" : woken.toString());
    return true;
  }

  // ---------------------------------------------------------------- other thread operations

  /** Emulates {@code join}; false when the target is not controlled (the real join runs). */
  public boolean join(Thread t, long timeoutNanos, int site) throws InterruptedException {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    ControlledThread target = find(t);
    if (target == null) return false;
    ct.joinTarget = target;
    ct.joinTimeoutNanos = timeoutNanos;
    step(ct, Operation.JOIN, t, site);
    if (ct.interrupted) {
      ct.interrupted = false;
      record(ct, Operation.JOIN, t, site, "interrupted");
      throw new InterruptedException();
    }
    if (target.status != ThreadStatus.FINISHED) {
      virtualNanos += timeoutNanos;
      record(ct, Operation.JOIN, t, site, "timed out");
      return true;
    }
    record(ct, Operation.JOIN, t, site, null);
    awaitRealDeath(t);
    return true;
  }

  /** The target passed its exit hook; wait the moment it takes the JVM to finish it. */
  private static void awaitRealDeath(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  public boolean isFinished(Thread t) {
    ControlledThread target = find(t);
    return target == null ? !t.isAlive() : target.status == ThreadStatus.FINISHED;
  }

  /** {@code Thread.sleep}: a scheduling point that orders nothing; advances the virtual clock. */
  public boolean sleep(long nanos, int site) throws InterruptedException {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    step(ct, Operation.SLEEP, null, site);
    if (ct.interrupted) {
      ct.interrupted = false;
      record(ct, Operation.SLEEP, null, site, "interrupted");
      throw new InterruptedException("sleep interrupted");
    }
    virtualNanos += nanos;
    record(ct, Operation.SLEEP, null, site, null);
    return true;
  }

  public boolean interrupt(Thread t, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    ControlledThread target = find(t);
    if (target == null) return false;
    step(ct, Operation.INTERRUPT, t, site);
    target.interrupted = true;
    record(ct, Operation.INTERRUPT, t, site, null);
    return true;
  }

  /** Returns 1 or 0 for a controlled target, -1 when the real method must answer. */
  public int isInterrupted(Thread t, boolean clear, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return -1;
    ControlledThread target = find(t);
    if (target == null) return -1;
    step(ct, Operation.IS_INTERRUPTED, t, site);
    boolean value = target.interrupted;
    if (clear) target.interrupted = false;
    record(ct, Operation.IS_INTERRUPTED, t, site, Boolean.toString(value));
    return value ? 1 : 0;
  }

  /** Returns 1 or 0 for a controlled target, -1 when the real method must answer. */
  public int isAlive(Thread t, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return -1;
    ControlledThread target = find(t);
    if (target == null) return -1;
    step(ct, Operation.IS_ALIVE, t, site);
    boolean alive = target.status != ThreadStatus.FINISHED;
    record(ct, Operation.IS_ALIVE, t, site, Boolean.toString(alive));
    return alive ? 1 : 0;
  }

  /** An operation whose only effect on the model is the scheduling point itself. */
  public boolean simpleStep(Operation op, Object target, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    step(ct, op, target, site);
    record(ct, op, target, site, null);
    return true;
  }

  /** The virtual clock, in nanoseconds since the execution began. */
  public long virtualNanos() {
    return virtualNanos;
  }

  // ---------------------------------------------------------------- tracing and reports

  private void record(ControlledThread ct, Operation op, Object target, int site, String note) {
    if (trace == null) return;
    String reason = null;
    if (ct.id != lastTracedThread) {
      // Why the thread last seen acting gave up the turn; threads that ran meanwhile without a
      // visible operation do not matter to the reader.
      reason = lastTracedThread < 0 ? null : threads[lastTracedThread].stopReason;
      lastTracedThread = ct.id;
    }
    trace.add(new TraceEvent(trace.size(), ct.id, op, describe(op, target, site), site, note,
        reason));
  }

  private String describe(Operation op, Object target, int site) {
    if (target instanceof Thread t) {
      ControlledThread c = find(t);
      return c != null ? c.displayName() : ids.nameOf(t);
    }
    if (op == Operation.VOLATILE_READ || op == Operation.VOLATILE_WRITE) {
      Site s = SiteRegistry.get(site);
      String field = s == null || s.detail() == null ? "?" : s.detail();
      if (target == null) return field; // static field: Class.field
      return ids.nameOf(target) + field.substring(Math.max(0, field.lastIndexOf('.')));
    }
    return target == null ? null : ids.nameOf(target);
  }

  private String whyStopped(ControlledThread ct) {
    if (ct.status == ThreadStatus.FINISHED) return ct.displayName() + " ended";
    if (ct.status == ThreadStatus.WAITING) return ct.displayName() + " waits";
    if (isSpinning(ct)) {
      return ct.displayName() + " spins (reads "
          + describe(ct.pendingOp, ct.pendingObject, ct.pendingSite) + " again, nothing written)";
    }
    if (isEnabled(ct)) return ct.displayName() + " preempted";
    return ct.displayName() + " blocked on " + pendingText(ct);
  }

  /** What a thread will do next, e.g. {@code enter Object#2} or {@code sleep}. */
  private String pendingText(ControlledThread t) {
    if (t.pendingOp == null) return "its start";
    String target = describe(t.pendingOp, t.pendingObject, t.pendingSite);
    return target == null ? t.pendingOp.verb() : t.pendingOp.verb() + " " + target;
  }

  private String livelockReport() {
    StringBuilder s = new StringBuilder("Step bound of ").append(config.maxSteps())
        .append(" scheduling points reached: a possible livelock or unbounded spin.")
        .append(" Threads still running:\n");
    for (ControlledThread t : threads) {
      if (t.status == ThreadStatus.FINISHED) continue;
      s.append("  ").append(t.displayName()).append(" at ");
      s.append(pendingText(t));
      s.append(" (").append(DeadlockReport.at(t.pendingSite)).append(")\n");
    }
    s.append("If the program is merely long, raise maxSteps.\n");
    return s.toString();
  }
}
