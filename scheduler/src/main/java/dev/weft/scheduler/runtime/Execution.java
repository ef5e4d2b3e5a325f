package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.race.DataRace;
import dev.weft.scheduler.strategy.ReplayDivergence;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.threads.Handoff;
import dev.weft.scheduler.threads.ThreadIndex;
import dev.weft.scheduler.threads.Turns;
import dev.weft.scheduler.threads.VirtualThreads;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.StepLog;
import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
 *
 * <p>Over 500 lines on purpose: the scheduling loop and the lifecycle of threads share the
 * invariants on the execution's threads, its step count and its end, and stay together. Passing
 * the turn and waiting for it is the thread machinery's ({@link Turns}); what a strategy sees is
 * {@link StrategyView}, what a harness reads {@link ExecutionProbe}. Everything else lives beside
 * it: each primitive's operations ({@link Monitors}, {@link ThreadOps}, {@link Parking}, {@link
 * Calls}), which threads can run ({@link EnabledThreads}), {@link SpinDetector}, {@link
 * LocationKeys}, the values made the same on every run ({@link Determinism}, {@link Pools}), race
 * detection ({@link Races}), the trace ({@link TraceRecorder}) and the wording of reports ({@link
 * Narration}).
 */
public final class Execution {
  private static volatile Execution active;
  /**
   * What a yield or an onSpinWait costs on the virtual clock: a loop that pauses until a deadline
   * ends.
   */
  private static final long NANOS_PER_YIELD = 1_000;

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
  private final Monitors monitors = new Monitors(this);
  private final ThreadOps threadOps = new ThreadOps(this);
  private final Parking parking = new Parking(this);
  private final Calls calls = new Calls(this);
  private final StructureSteps structureSteps = new StructureSteps(this);
  private final Sockets sockets = new Sockets(this);
  private final ClassInits classInits = new ClassInits(this);
  private final Determinism determinism = new Determinism(this);
  private final Pools pools = new Pools(this);
  private final Carriers carriers = new Carriers(this);
  private final SpinDetector spin;
  private final EnabledThreads enabled;
  private final SpuriousWakeups spurious;
  private final Choices choices = new Choices();
  private final StepLog stepLog = new StepLog();
  private final ObjectIds ids = new ObjectIds();
  private final Narration narration = new Narration(this, ids);
  /** Watches for the turn's holder blocked on a monitor no model knows; the watcher's alone. */
  private final JvmMonitorStall stall = new JvmMonitorStall();
  private final TraceRecorder trace;
  private final TraceFingerprint fingerprint = new TraceFingerprint();
  /** Whether the strategy sees every step and every access (systematic search). */
  private final boolean observing;
  private final LocationKeys locations = new LocationKeys(this);
  private final StrategyView view;
  private final ExecutionProbe probe = new ExecutionProbe(this);
  /**
   * Race detection, or null when races are neither reported nor watched by the search: then plain
   * accesses cost one check.
   */
  private final Races races;

  private volatile ControlledThread[] threads = new ControlledThread[0];
  private final ThreadIndex<ControlledThread> byThread = new ThreadIndex<>();
  private final Turns turns = new Turns(this::unwindIfEnded);
  private volatile boolean ended;
  private ExecutionResult result;
  private DataRace race;
  private boolean unrepeatable;

  /**
   * Until when, in real time, a deadlock in which threads wait for sockets waits for the kernel to
   * make one ready: half the execution's timeout, so the deadlock is reported before the deadline.
   */
  private final long socketDeadline;

  /**
   * What a failure's report adds when the execution took a spurious wakeup, or let a timeout expire
   * while another thread could run: the first of each, or null.
   */
  private StepNote spuriousNote;
  private StepNote timeoutNote;

  private int steps;
  private static final VarHandle STEPS = stepsHandle();
  /** What ran since the last scheduling point without being one ({@link StepLog#between}). */
  private int betweenSteps;
  private int preemptions;
  private long virtualNanos;

  Execution(ExecutionConfig config, Strategy strategy, Thread caller) {
    this.config = config;
    this.strategy = strategy;
    this.caller = caller;
    this.trace = new TraceRecorder(config.trace());
    this.observing = strategy.observesEveryStep();
    this.spin = new SpinDetector(config.jdkStructuresOpened());
    this.enabled = new EnabledThreads(monitors, sockets, classInits, spin,
        config.timeoutsWhenBlocked());
    this.view = new StrategyView(this, enabled, locations);
    this.spurious = new SpuriousWakeups(this, config.spuriousWakeups());
    this.socketDeadline = System.nanoTime() + config.timeoutNanos() / 2;
    this.races = config.races() == null && config.racingSites() == null ? null
        : new Races(this, config.races(), config.racingSites());
  }

  // ---------------------------------------------------------------- lifecycle, driven by Scheduler

  ControlledThread createMainThread(Task task) {
    ControlledThread[] holder = new ControlledThread[1];
    Thread t = new Thread(() -> runMain(holder[0], task), "weft-body");
    t.setDaemon(true);
    ControlledThread main = new ControlledThread(0, t, null, ThreadStatus.RUNNABLE);
    holder[0] = main;
    threads = new ControlledThread[] {main};
    byThread.add(main);
    determinism.sighted(t);
    turns.begin(main);
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
    if (outcome.isBug()) report = withNotes(report);
    Throwable internal = null;
    String unfollowed = null;
    try {
      unfollowed = endStrategy(outcome, report);
    } catch (RuntimeException | AssertionError x) {
      internal = x;
    }
    if (unfollowed != null) {
      outcome = Outcome.DIVERGED;
      report = unfollowed;
      e = null;
    }
    result = new ExecutionResult(
        outcome, report, who == null ? -1 : who.id, e, choices.copy(), steps, preemptions,
        fingerprint.value(),
        trace.snapshot(), threadNames(), false,
        outcome.isBug() || trace.on() ? stepLog.copy() : null, race, unrepeatable);
    ended = true;
    if (internal != null) {
      String what = "end the execution (" + strategyName() + ")";
      result = result.asInternalError(Narration.internalError(what, internal), internal);
    }
    Handoff.unpark(caller, null);
  }

  private String strategyName() {
    return "strategy " + strategy.getClass().getSimpleName();
  }

  /**
   * Ends the execution as Weft's own failure, blaming no thread; {@code what} Weft could not do.
   * Only exceptions and failed assertions count: a stack overflow or an exhausted heap inside
   * Weft's code is most likely the program's doing (deep recursion reaches a hook last).
   */
  void endInternal(String what, Throwable cause) {
    end(Outcome.INTERNAL_ERROR, Narration.internalError(what, cause), null, cause);
  }

  /** {@code report} followed by what the reader should know of the choices that led there. */
  private String withNotes(String report) {
    if (spuriousNote == null && timeoutNote == null) return report;
    StringBuilder s = new StringBuilder(report);
    if (!report.endsWith("\n")) s.append('\n');
    if (spuriousNote != null) s.append(spuriousNote.render(trace));
    if (timeoutNote != null) s.append(timeoutNote.render(trace));
    return s.toString();
  }

  /**
   * Tells the strategy the execution ended. Returns the report of a replay that ended before its
   * recording did, which was another execution, however alike its outcome; null otherwise.
   */
  private String endStrategy(Outcome outcome, String report) {
    try {
      strategy.endExecution(steps);
      return null;
    } catch (ReplayDivergence d) {
      if (outcome == Outcome.DIVERGED || outcome == Outcome.STUCK) return null; // said already
      String first = report == null || report.isEmpty() ? outcome.name().toLowerCase(Locale.ROOT)
          : report.lines().findFirst().orElse("");
      return "The replay diverged: " + d.getMessage() + " This run ended with: " + first;
    }
  }

  /** Called by the caller when the deadline passed: names the thread that holds the turn. */
  void endStuck() {
    // A thread still starting is the one stuck: the turn's holder only waits for it to begin.
    ControlledThread stuck = running();
    for (ControlledThread t : threads) if (isStarting(t)) stuck = t;
    end(Outcome.STUCK, Narration.stuck(stuck, threads, classInits, config.timeoutNanos()), stuck,
        null);
  }

  static boolean isStarting(ControlledThread t) {
    return t.status == ThreadStatus.NEW || t.status == ThreadStatus.RUNNABLE && t.starting;
  }

  synchronized ExecutionResult result(boolean leaked) {
    return leaked ? result.asLeaked() : result;
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
  ControlledThread controlled() {
    ControlledThread ct = calling();
    if (ct == null || ct.insideHook) return null;
    if (ended) {
      if (ct.status == ThreadStatus.FINISHED) return null;
      throw AbortedExecution.INSTANCE;
    }
    if (ct.status == ThreadStatus.NEW) begin(ct);
    return ct;
  }

  /** The calling thread if it is controlled, found at once when it holds the turn; else null. */
  ControlledThread calling() {
    ControlledThread r = running();
    Thread me = Thread.currentThread();
    return r != null && r.thread == me ? r : find(me);
  }

  ControlledThread find(Thread t) {
    return byThread.find(t);
  }

  /**
   * The calling thread, if controlled, is about to run Weft's own code (the agent rewriting a class
   * the thread loads): until {@link #weftCodeExited}, hooks reached meanwhile pass it through, as
   * they do while the runtime works for it. That code runs only where a class is loaded for the
   * first time, so what the JDK does for it (the {@code Hashtable} of URL handlers a resource lookup
   * locks) would otherwise enter the model, the race detector and the fingerprint of that execution
   * alone. Returns the token for {@link #weftCodeExited}, or null when there is nothing to undo.
   */
  public Object weftCodeEntered() {
    ControlledThread ct = find(Thread.currentThread());
    if (ct == null || ct.insideHook) return null;
    ct.insideHook = true;
    return ct;
  }

  /** Ends what {@link #weftCodeEntered} began; {@code token} is what it returned. */
  public static void weftCodeExited(Object token) {
    if (token != null) ((ControlledThread) token).insideHook = false;
  }

  // ---------------------------------------------------------------- scheduling

  /** A scheduling point: {@code ct} is about to perform {@code op}; returns when it may. */
  void step(ControlledThread ct, Operation op, Object target, int site) {
    if (op != Operation.PARK) ct.inCall = false;
    ct.pendingOp = op;
    ct.pendingObject = target;
    ct.pendingSite = site;
    spin.reached(ct, op);
    if (ct.starting) {
      // A new thread's first visible operation: its parent still holds the turn and waits for it
      // here. From now on it is enabled like any other thread.
      ct.starting = false;
      Handoff.unpark(ct.parent.thread, ct);
      if (turns.await(ct)) ct.interrupted = true;
    } else {
      ControlledThread next = chooseNext(ct);
      if (next == null) throw AbortedExecution.INSTANCE;
      if (next != ct && turns.pass(ct, next)) ct.interrupted = true;
    }
    stepped(ct, op, target, site);
  }

  /** The rest of {@code ct}'s scheduling point at {@code op}, once it has the turn. */
  private void stepped(ControlledThread ct, Operation op, Object target, int site) {
    spin.happened(ct, op, target, site);
    long location = locations.of(ct, op, target, site);
    fingerprint.add(ct.lineage, ct.stepsTaken++, !SpinDetector.mayWrite(op), location);
    synced(ct, op, location);
  }

  /**
   * Called every few milliseconds by the thread that waits for the execution's end, never by a
   * controlled one. When the thread holding the turn has blocked inside the JVM on a modelled
   * monitor that a thread waiting for its turn holds ({@link JvmMonitorWaits}), nothing can move
   * until the turn goes on: this takes the blocked thread's scheduling point for it, a wait to enter
   * that monitor like any other, and hands the turn on. The thread runs again once the model lets
   * it in, from the entry of the method it blocked at ({@link #resumedInJvm}). Blocked on a monitor
   * no model knows that such a thread holds, it cannot be helped: the execution ends as Weft's own
   * failure ({@link JvmMonitorStall}).
   */
  void watch() {
    ControlledThread ct = running();
    if (ended || ct == null || !ct.turn || ct.insideHook || ct.lockedCall || ct.starting) return;
    JvmMonitorWaits.Blocked blocked = JvmMonitorWaits.of(ct, threads, monitors.models());
    if (blocked == null) {
      String stalled = stall.check(ct, stepsSoFar(), threads);
      if (stalled != null && running() == ct) end(Outcome.INTERNAL_ERROR, stalled, null, null);
      return;
    }
    if (running() != ct || ended) return;
    Object lock = blocked.lock();
    // Both set before the turn goes on: the thread finds the first once the JVM gives it the
    // monitor, and the turn comes back to it under that monitor, which it then waits in.
    ct.jvmBlockedOn = lock;
    ct.realWaitLock = lock;
    ct.inCall = false;
    ct.pendingOp = Operation.MONITOR_ENTER;
    ct.pendingObject = lock;
    ct.pendingSite = blocked.site();
    spin.reached(ct, Operation.MONITOR_ENTER);
    ControlledThread next = chooseNext(ct); // the model has the monitor held: never ct itself
    if (next == null) return; // the execution ended: a deadlock, say
    turns.takeFrom(ct, next);
  }

  /**
   * At the entry of a JDK synchronized method, once the JVM has given the calling thread the monitor
   * of {@code lock}: a thread that blocked there while it held the turn ({@link #watch}) waits for
   * its turn inside that monitor, so the real monitor is free meanwhile, then completes the
   * scheduling point taken for it.
   */
  void resumedInJvm(Object lock) {
    ControlledThread ct = find(Thread.currentThread());
    if (ct == null || ct.jvmBlockedOn != lock) return;
    ct.jvmBlockedOn = null;
    boolean inside = ct.insideHook;
    ct.insideHook = true;
    try {
      turns.awaitIn(ct, lock);
    } finally {
      ct.insideHook = inside;
    }
    if (ended) throw AbortedExecution.INSTANCE;
    stepped(ct, Operation.MONITOR_ENTER, lock, ct.pendingSite);
    record(ct, Operation.MONITOR_ENTER, lock, ct.pendingSite, "blocked inside the JDK");
  }

  /** Picks who runs after {@code ct}'s scheduling point; null when the execution ended instead. */
  private ControlledThread chooseNext(ControlledThread ct) {
    ct.insideHook = true;
    try {
      if (steps == config.maxSteps()) {
        end(Outcome.LIVELOCK, narration.livelock(config.maxSteps(), threads), null, null);
        return null;
      }
      steps++;
      if (insideLockedCall(ct)) return ct; // no other thread may run: not a choice
      enabled.collect(threads);
      if (enabled.count() == 0 && Parking.awaitUncontrolledOwners(threads, config.timeoutNanos())) {
        enabled.collect(threads);
      }
      if (enabled.count() == 0 && Sockets.awaitReady(threads, socketDeadline)) {
        enabled.collect(threads);
      }
      if (enabled.count() == 0) {
        end(Outcome.DEADLOCK,
            new DeadlockReport(threads, monitors.models(), classInits, ids).render(), null, null);
        return null;
      }
      ControlledThread next;
      if (enabled.count() == 1 && !observing) {
        next = threads[enabled.id(0)];
      } else {
        view.current = ct.id;
        int id = strategy.pickThread(view);
        if (id == Strategy.PRUNE) {
          end(Outcome.PRUNED, "", null, null);
          return null;
        }
        if (!enabled.contains(id)) {
          throw new IllegalStateException("the strategy chose T" + id + ", which cannot run");
        }
        if (enabled.count() > 1) choices.add(ChoiceKind.THREAD, id);
        next = threads[id];
      }
      if (timeoutNote == null && enabled.timesOutWhileOthersRun(next, threads)) {
        timeoutNote = StepNote.onNextEvent(trace, steps - 1, narration.earlyTimeout(next));
      }
      stepLog.add(view, next.id);
      betweenSteps = 0;
      if (next != ct && enabled.contains(ct.id)) preemptions++;
      if (next != ct && trace.on()) {
        ct.stopReason = narration.whyStopped(ct, spin.isSpinning(ct), enabled.contains(ct.id));
      }
      return next;
    } catch (ReplayDivergence d) {
      end(Outcome.DIVERGED, "The replay diverged: " + d.getMessage(), ct, null);
      return null;
    } catch (AbortedExecution a) {
      throw a;
    } catch (RuntimeException | AssertionError internal) {
      endInternal("choose who runs at step " + steps + " (" + strategyName() + ")", internal);
      return null;
    } finally {
      ct.insideHook = false;
    }
  }

  /** Whether {@code ct} is still inside a call that holds a real JDK monitor, and can go on. */
  private boolean insideLockedCall(ControlledThread ct) {
    if (!ct.lockedCall) return false;
    if (Calls.stillInsideLockedCall() && enabled.canRunNow(ct)) return true;
    ct.lockedCall = false;
    return false;
  }

  /** {@code ct}'s last step was a call that tried and failed: it wrote nothing. */
  void attemptFailed(ControlledThread ct) {
    spin.attemptFailed(ct);
  }

  /** A nondeterministic choice other than a thread, recorded like one. */
  int choose(ControlledThread ct, ChoiceKind kind, int bound) {
    if (bound == 1) return 0;
    ct.insideHook = true;
    try {
      int value = strategy.pickValue(kind, bound);
      choices.add(kind, value);
      return value;
    } catch (ReplayDivergence d) {
      end(Outcome.DIVERGED, "The replay diverged: " + d.getMessage(), ct, null);
      throw AbortedExecution.INSTANCE;
    } catch (AbortedExecution a) {
      throw a;
    } catch (RuntimeException | AssertionError internal) {
      endInternal("choose among " + bound + " values for a " + kind + " choice (" + strategyName()
          + ")", internal);
      throw AbortedExecution.INSTANCE;
    } finally {
      ct.insideHook = false;
    }
  }

  /** The thread holding the turn, or null before the first does. */
  private ControlledThread running() {
    return (ControlledThread) turns.holder();
  }

  private void unwindIfEnded() {
    if (ended) throw AbortedExecution.INSTANCE;
  }

  // ---------------------------------------------------------------- what the strategy sees

  /**
   * The steps taken so far, for the caller's thread, which watches the execution without holding
   * the turn: an opaque read, so each look sees a recent count (a stale one only delays a reset).
   */
  int stepsSoFar() {
    return (int) STEPS.getOpaque(this);
  }

  /** The scheduling points passed so far, read by the thread holding the turn. */
  int steps() {
    return steps;
  }

  /** What ran since the last scheduling point without being one ({@link StepLog#between}). */
  int betweenSteps() {
    return betweenSteps;
  }

  // ---------------------------------------------------------------- thread lifecycle

  /**
   * A new thread begins: it runs on, while its parent waits in {@link #afterStart}, up to its first
   * scheduling point, which is its {@code run()} entry ({@link #threadRunEntered}) for every thread
   * whose {@code run()} Weft sees.
   */
  private void begin(ControlledThread ct) {
    ct.pendingOp = null;
    ct.starting = true;
    ct.status = ThreadStatus.RUNNABLE;
  }

  /**
   * Entry of a thread's {@code run()}: a new thread takes its first scheduling point before its first
   * instruction, so that its parent may go on first. Running it on to its first visible operation
   * instead would order the plain accesses it makes on the way before everything its parent does
   * after {@code start()}, and hide every bug that needs the other order. A thread JDK code started
   * runs JDK code next (taking a task from a queue, completing a future) that other threads see.
   */
  public void threadRunEntered() {
    ControlledThread ct = controlled();
    if (ct != null && ct.starting) {
      step(ct, Operation.BEGIN, null, -1);
      record(ct, Operation.BEGIN, null, -1, null);
    }
  }

  /** {@code site} is -1 when {@code java.lang.Thread} itself reports a start from JDK code. */
  public void beforeStart(Thread t, int site) {
    ControlledThread ct = controlled();
    if (ct == null || t == null || find(t) != null || t.getState() != Thread.State.NEW) return;
    boolean groupThread = sockets.groups().madeByJdk(t);
    if (isJdkService(t) && !groupThread) return;
    if (VirtualThreads.isVirtual(t) && VirtualThreads.refusal() != null) {
      refuse(ct, "starts a virtual thread. " + VirtualThreads.refusal());
    }
    boolean byJdk = site < 0;
    if (byJdk && ct.inCall) site = ct.callSite; // an executor's worker: at the caller's line
    step(ct, Operation.START, t, site);
    ControlledThread[] all = threads;
    ControlledThread child = new ControlledThread(all.length, t, ct, ThreadStatus.NEW);
    child.startedByJdk = byJdk;
    child.jdkDaemon = groupThread;
    if (byJdk && races != null) races.detector().startedByJdk(child.id);
    determinism.sighted(t);
    ControlledThread[] grown = Arrays.copyOf(all, all.length + 1);
    grown[all.length] = child;
    byThread.add(child);
    threads = grown;
    record(ct, Operation.START, t, site, null);
  }

  /**
   * A service thread the JDK starts for itself when some class first needs it (the cleaner, the
   * virtual-thread unblocker), or a carrier of virtual threads: it outlives the execution and is
   * not the program's, so it runs uncontrolled. Not the threads the JDK makes for an asynchronous
   * channel group ({@link ChannelGroups}), which are the execution's.
   */
  private static boolean isJdkService(Thread t) {
    return t.getClass().getName().equals("jdk.internal.misc.InnocuousThread")
        || VirtualThreads.isCarrier(t);
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
      Handoff.park(ct);
    }
  }

  public void threadExiting(Thread t) {
    ControlledThread ct = find(t);
    if (ct == null || ct.status == ThreadStatus.FINISHED) return;
    if (ended) {
      ct.status = ThreadStatus.FINISHED;
    } else if (ct.status == ThreadStatus.NEW || ct.starting) {
      ct.status = ThreadStatus.FINISHED; // ran to the end without a single scheduling point
      synced(ct, Operation.END, Locations.lifecycle(ct.id));
      Handoff.unpark(ct.parent.thread, ct);
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
    spin.happened(ct, Operation.END, null, -1); // ends the spins of threads that wait for it
    fingerprint.add(ct.lineage, ct.stepsTaken++, false, Locations.lifecycle(ct.id));
    synced(ct, Operation.END, Locations.lifecycle(ct.id));
    ct.status = ThreadStatus.FINISHED;
    ct.pendingOp = Operation.END;
    if (!enabled.anyAlive(threads)) { // of the JDK's daemon threads: the JVM ends without those
      end(Outcome.PASSED, "", null, null);
      return;
    }
    ControlledThread next = chooseNext(ct);
    if (next != null) turns.handOn(next, ct);
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

  // ---------------------------------------------------------------- for the primitives

  /** The monitors of this execution: enter, exit, wait, notify. */
  public Monitors monitors() {
    return monitors;
  }

  /** Join, sleep, interrupt and thread state, for this execution. */
  public ThreadOps threadOps() {
    return threadOps;
  }

  /** {@code LockSupport.park} and {@code unpark}. */
  public Parking parking() {
    return parking;
  }

  /** The execution's own fork-join common pool. */
  public Pools pools() {
    return pools;
  }

  /** The carriers of virtual threads. */
  public Carriers carriers() {
    return carriers;
  }

  /** Hash codes, random numbers, thread numbers and ids, the same on every run. */
  public Determinism determinism() {
    return determinism;
  }

  /** Calls into {@code java.util.concurrent}. */
  public Calls calls() {
    return calls;
  }

  /** The steps inside the JDK's lock-free structures ({@link JdkStructures}). */
  public StructureSteps structureSteps() {
    return structureSteps;
  }

  /** Socket I/O. */
  public Sockets sockets() {
    return sockets;
  }

  /** Static initializers of application classes, and the uses that wait for them. */
  public ClassInits classInits() {
    return classInits;
  }

  boolean classesReloaded() {
    return config.classesReloaded();
  }

  /** Whether the program's calls on the JDK's lock-free structures are opened up. */
  public boolean jdkStructuresOpened() {
    return config.jdkStructuresOpened();
  }

  /**
   * {@code ct} would do what the JVM does only once, so this execution could not be repeated: it
   * ends here, with {@code report} saying why.
   */
  void cannotRepeat(ControlledThread ct, String report) {
    unrepeatable = true;
    end(Outcome.UNCONTROLLED, report, ct, null);
    throw AbortedExecution.INSTANCE;
  }

  ControlledThread thread(int id) {
    return threads[id];
  }

  String nameOf(Object o) {
    return ids.nameOf(o);
  }

  void advanceClock(long nanos) {
    virtualNanos += nanos;
  }

  /** Spurious wakeups: which waits may get one. */
  SpuriousWakeups spuriousWakeups() {
    return spurious;
  }

  /** Whether a wait of {@code nanos} (-1: untimed) may time out while other threads can run. */
  boolean mayExpireAnytime(long nanos) {
    return enabled.mayExpireAnytime(nanos);
  }

  /** {@code ct} returned spuriously from {@code what} (e.g. {@code wait on Object#1}). */
  void wokeSpuriously(ControlledThread ct, String what) {
    if (spuriousNote == null) {
      spuriousNote = StepNote.onNextEvent(trace, steps - 1, Narration.spuriousWakeup(ct, what));
    }
  }

  /**
   * The calling thread if it holds the turn of a live execution; null otherwise. For accesses made
   * between scheduling points, which must never throw (monitor exits run in exception handlers).
   */
  ControlledThread holdingTurn() {
    if (ended) return null;
    ControlledThread ct = running();
    if (ct == null || ct.thread != Thread.currentThread()) {
      // A thread still starting runs while its parent waits. One whose run() Weft does not see
      // (a JDK thread class overriding it) begins at its first hook, here or in controlled().
      ct = find(Thread.currentThread());
      if (ct == null || ct.status == ThreadStatus.FINISHED) return null;
      if (ct.status == ThreadStatus.NEW) begin(ct);
      if (!ct.starting) return null;
    }
    return ct.insideHook ? null : ct;
  }

  /** An access between scheduling points (a monitor exit), part of {@code ct}'s current step. */
  void accessedBetweenSteps(ControlledThread ct, Operation op, Object target, int site) {
    spin.happened(ct, op, target, site);
    long location = locations.of(ct, op, target, site);
    fingerprint.add(ct.lineage, ct.stepsTaken++, false, location);
    betweenSteps = StepLog.between(betweenSteps, op, locations.target(target));
    if (observing) strategy.accessed(ct.id, op, location);
    synced(ct, op, location);
  }

  /**
   * A class initializer's start or end ({@code op}), or another thread's first use of the class
   * after it, where the program's classes stay loaded from one execution to the next. Which
   * execution initializes a class then depends on the executions before it, and a replay in a fresh
   * JVM initializes it in the replayed one: so only race detection sees it (an initializer's writes
   * happen before every use of its class, JLS 12.4.2), never the step log, the trace, the
   * interleaving class or the search.
   */
  void initializedOnce(ControlledThread ct, Operation op, Class<?> type) {
    if (races != null) synced(ct, op, locations.ofClass(type));
  }

  /** {@code ct} re-entered the monitor of {@code lock} after a wait: an acquire, for races. */
  void rewoken(ControlledThread ct, Object lock, int site) {
    if (races != null) synced(ct, Operation.WAKE, locations.of(ct, Operation.WAKE, lock, site));
  }

  /** {@code ct} performed {@code op} on {@code location}: the race detector's clocks move. */
  private void synced(ControlledThread ct, Operation op, long location) {
    if (races != null) races.detector().synced(ct.id, op, location);
  }

  /** Race detection, or null when it is off. */
  public Races races() {
    return races;
  }

  /** {@code ct}'s access completed a data race: the execution ends with it. */
  void raced(ControlledThread ct, DataRace found, String report) {
    race = found;
    end(Outcome.DATA_RACE, report, ct, null);
    throw AbortedExecution.INSTANCE;
  }

  /**
   * {@code ct} has entered a wait set: hands the turn on and waits for it inside the real monitor
   * of {@code lock}, which the thread holds, so that monitor is really released meanwhile.
   */
  void yieldTurnInWait(ControlledThread ct, Object lock) {
    ControlledThread next = chooseNext(ct);
    if (next == null) throw AbortedExecution.INSTANCE;
    if (next != ct) turns.passInside(ct, next, lock);
  }

  /**
   * A plain access that the search schedules ({@link dev.weft.scheduler.race.RacingSites}): a
   * scheduling point like a volatile one. {@code index} is the array element's, or -1 for a field;
   * {@code shown} names an element in the trace.
   */
  void plainStep(ControlledThread ct, Operation op, Object target, int index, int site,
      String shown) {
    ct.pendingIndex = index;
    step(ct, op, target, site);
    if (trace.on()) {
      trace.add(ct, op, shown != null ? shown : narration.describe(op, target, site), site, null);
    }
  }

  /** An operation whose only effect on the model is the scheduling point itself. */
  public boolean simpleStep(Operation op, Object target, int site) {
    ControlledThread ct = controlled();
    if (ct == null) return false;
    step(ct, op, target, site);
    if (SpinDetector.isPause(op)) virtualNanos += NANOS_PER_YIELD;
    record(ct, op, target, site, null);
    return true;
  }

  /** The virtual clock, in nanoseconds since the execution began. */
  public long virtualNanos() {
    return virtualNanos;
  }

  /**
   * The virtual clock as the calling thread reads it, or {@code Long.MIN_VALUE} when that thread is
   * not controlled and must see the real clock. Reading does not move it (the JDK's own reads, while
   * it initializes a class in the first execution, must not shift the times later runs see); sleeps,
   * timeouts and yields do.
   */
  public long readClock() {
    return holdingTurn() == null ? Long.MIN_VALUE : virtualNanos;
  }

  /** What a harness running inside this execution may read of it. */
  public ExecutionProbe probe() {
    return probe;
  }

  /**
   * The calling thread, if controlled, is about to end the process through {@code api} ({@code
   * Runtime.exit} or {@code halt}) with {@code status}: the execution ends here instead, as the
   * process would have, and the thread unwinds. A status of 0 ends it as passed; any other is the
   * program's failure, reported with the program's line that called it.
   */
  public void programExit(String api, int status) {
    ControlledThread ct = controlled();
    if (ct == null) return;
    if (status == 0) {
      end(Outcome.PASSED, "", null, null);
    } else {
      end(Outcome.EXIT, Narration.exit(ct, api, status), ct, null);
    }
    throw AbortedExecution.INSTANCE;
  }

  /**
   * {@code ct} reached a thread Weft does not control in a way that would wait for it: the
   * execution ends with a report saying so, instead of hanging until the deadline.
   */
  void reachedUncontrolled(ControlledThread ct, String what) {
    end(Outcome.UNCONTROLLED, Narration.reachedUncontrolled(ct, what), ct, null);
    throw AbortedExecution.INSTANCE;
  }

  /**
   * The calling thread, if controlled, is about to use {@code api}, which Weft cannot control: the
   * execution ends as Weft's limit, with {@code why}, instead of hanging or failing at random.
   */
  public void refuseUnsupported(String api, String why) {
    ControlledThread ct = controlled();
    if (ct != null) refuse(ct, "uses " + api + ". " + why);
  }

  /** Ends the execution as Weft's limit: {@code ct} {@code did} something Weft cannot control. */
  private void refuse(ControlledThread ct, String did) {
    end(Outcome.UNCONTROLLED, ct.displayName() + " " + did + "\n", ct, null);
    throw AbortedExecution.INSTANCE;
  }

  // ---------------------------------------------------------------- tracing and reports

  void record(ControlledThread ct, Operation op, Object target, int site, String note) {
    if (trace.on()) trace.add(ct, op, narration.describe(op, target, site), site, note);
  }

  TraceRecorder trace() {
    return trace;
  }

  /** The display name of each thread so far, by id, as the trace names them. */
  List<String> threadNames() {
    List<String> names = new ArrayList<>();
    for (ControlledThread t : threads) names.add(t.displayName());
    return List.copyOf(names);
  }

  private static VarHandle stepsHandle() {
    try {
      return MethodHandles.lookup().findVarHandle(Execution.class, "steps", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
