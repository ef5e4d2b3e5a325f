package dev.weft.scheduler.runtime;

import dev.weft.scheduler.view.Operation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The JVM's class-initialization lock (JVMS 5.5) in one execution. The first thread to use a class
 * runs its static initializer; another thread that uses the class meanwhile waits inside the JVM
 * until the initializer ends, where Weft cannot see it, still holding the turn. So the agent reports
 * the initializer of each application class ({@link #started}, {@link #ended}) and each instruction
 * that may initialize a class ({@link #used}: {@code new}, {@code getstatic}, {@code putstatic},
 * {@code invokestatic}). A thread that would wait takes a {@link Operation#CLASS_INIT} step there
 * and is not enabled until the initializer has ended; a cycle through an initializer (it joins a
 * thread that needs its class) is then a deadlock like any other.
 *
 * <pre>
 *   T0: started(X) ─ steps inside X.&lt;clinit&gt; ─ ended(X)
 *   T1:         used(X): CLASS_INIT step, disabled ──────────► enabled, goes on
 * </pre>
 *
 * <p>For partial-order reduction and race detection, the start and end of an initializer, and the
 * first use of the class by each other thread, are accesses to the class (the use reads what the
 * initializer wrote, JLS 12.4.2).
 *
 * <p>A class is initialized once per JVM. Where each execution loads the program afresh (the command
 * line, {@link ExecutionConfig#classesReloaded()}), every execution initializes its classes anew.
 * Where they stay loaded (a test JVM), a class initialized in one execution is initialized already in
 * the next, so a wait for another thread's initializer could not be repeated: the execution ends as
 * {@link Outcome#UNCONTROLLED} instead, saying so. There, too, which execution initializes a class
 * depends on the ones before it, so initializations stay out of the trace and of what a replay
 * compares; only race detection sees them.
 */
public final class ClassInits {
  /** One class's initialization in this execution. */
  private static final class Init {
    final Class<?> type;
    final ControlledThread by;
    boolean done;
    /** The other threads that have used the class since: each use is reported once. */
    final BitSet usedBy = new BitSet();

    Init(Class<?> type, ControlledThread by) {
      this.type = type;
      this.by = by;
    }
  }

  private static final StackWalker CALLERS =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private final Execution execution;
  /** In the order they started; an execution initializes few classes. */
  private final List<Init> inits = new ArrayList<>();

  ClassInits(Execution execution) {
    this.execution = execution;
  }

  /** Entry of {@code type}'s static initializer. Never throws: the JVM would fail the class. */
  public void started(Class<?> type) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    inits.add(new Init(type, ct));
    happened(ct, Operation.CLASS_INIT, type, -1);
  }

  /** Exit of {@code type}'s static initializer, by a return or a throw. Never throws. */
  public void ended(Class<?> type) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    for (Init init : inits) {
      if (init.type == type && init.by == ct && !init.done) {
        init.done = true;
        happened(ct, Operation.CLASS_INITIALIZED, type, -1);
        return;
      }
    }
  }

  /**
   * Before an instruction at {@code site} that initializes {@code type} unless it is initialized:
   * waits, in the model, for any initializer it needs that another thread is running.
   */
  public void used(Class<?> type, int site) {
    if (inits.isEmpty()) return; // nothing initialized in this execution: the common case
    ControlledThread ct = execution.controlled();
    if (ct != null) use(ct, type, site, false);
  }

  /**
   * Before JDK code initializes {@code type} unless it is initialized: reflection ({@code
   * Method.invoke} of a static method, {@code Constructor.newInstance}), method handles and static
   * fields reached reflectively ({@code Unsafe.ensureClassInitialized}). As {@link #used}, shown at
   * the program's line that called into the JDK: the JVM would otherwise make the thread wait for
   * another thread's initializer inside it, holding the turn.
   */
  public void usedByJdk(Class<?> type) {
    if (inits.isEmpty()) return;
    ControlledThread ct = execution.controlled();
    if (ct != null) use(ct, type, -1, true);
  }

  /**
   * Before {@code Class.forName} initializes the class {@code name} names for {@code loader}, as
   * {@link #usedByJdk}; {@code loader} is null for the caller's own, found on the stack. A name that
   * does not resolve is left to the call, which throws.
   */
  public void namedByJdk(String name, ClassLoader loader, boolean callersLoader) {
    if (inits.isEmpty() || name == null) return;
    ControlledThread ct = execution.controlled();
    if (ct == null) return;
    ct.insideHook = true; // loading the class runs JDK code, and Weft's transformer, for no step
    Class<?> type;
    try {
      type = Class.forName(name, false, callersLoader ? callerLoader() : loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    } finally {
      ct.insideHook = false;
    }
    use(ct, type, -1, true);
  }

  /** The class loader of the code that called {@code Class.forName}. */
  private static ClassLoader callerLoader() {
    return CALLERS.walk(frames -> frames
        .map(StackWalker.StackFrame::getDeclaringClass)
        .filter(c -> c != Class.class && !c.getName().startsWith("dev.weft.scheduler."))
        .findFirst())
        .map(Class::getClassLoader).orElse(null);
  }

  private void use(ControlledThread ct, Class<?> type, int site, boolean inJdk) {
    // By index: while this thread waits, others run and may start initializers of their own.
    for (int i = 0; i < inits.size(); i++) {
      Init init = inits.get(i);
      if (init.by == ct || init.usedBy.get(ct.id) || !initializes(type, init.type)) continue;
      init.usedBy.set(ct.id);
      if (init.done) {
        if (inJdk && site < 0) site = JdkFrames.programSite(ct);
        if (execution.classesReloaded()) {
          execution.accessedBetweenSteps(ct, Operation.CLASS_INIT, init.type, site);
        } else {
          execution.initializedOnce(ct, Operation.CLASS_INIT, init.type);
        }
      } else {
        if (inJdk && site < 0) site = JdkFrames.programSite(ct);
        if (!execution.classesReloaded()) execution.cannotRepeat(ct, waitText(ct, init, site));
        execution.step(ct, Operation.CLASS_INIT, type, site);
        execution.record(ct, Operation.CLASS_INIT, type, site,
            "waited for " + init.by.displayName());
      }
    }
  }

  /**
   * The start or end of an initializer: an access between steps with its line in the trace where
   * every execution initializes the class; where classes stay loaded, which execution initializes a
   * class depends on the ones before it, so it is kept out of what a replay compares.
   */
  private void happened(ControlledThread ct, Operation op, Class<?> type, int site) {
    if (execution.classesReloaded()) {
      execution.accessedBetweenSteps(ct, op, type, site);
      execution.record(ct, op, type, site, null);
    } else {
      execution.initializedOnce(ct, op, type);
    }
  }

  /** The thread running an initializer that {@code t}'s pending use waits for, or null. */
  ControlledThread blocker(ControlledThread t) {
    if (t.pendingOp != Operation.CLASS_INIT || !(t.pendingObject instanceof Class<?> used)) {
      return null;
    }
    for (Init init : inits) {
      if (!init.done && init.by != t && initializes(used, init.type)) return init.by;
    }
    return null;
  }

  /** What {@code t} waits for, for a deadlock report: {@code the initialization of class X}. */
  String awaited(ControlledThread t) {
    ControlledThread by = blocker(t);
    for (Init init : inits) {
      if (init.by == by && !init.done && initializes((Class<?>) t.pendingObject, init.type)) {
        return "the initialization of class " + init.type.getName();
      }
    }
    return null;
  }

  /** The classes {@code t} is initializing, outermost first, for a deadlock report. */
  List<String> initializing(ControlledThread t) {
    List<String> names = new ArrayList<>();
    for (Init init : inits) if (init.by == t && !init.done) names.add(init.type.getName());
    return names;
  }

  private static String waitText(ControlledThread ct, Init init, int site) {
    String name = init.type.getName();
    return ct.displayName() + " would wait at " + DeadlockReport.at(site) + " for "
        + init.by.displayName() + " to finish initializing class " + name + ". The JVM initializes"
        + " a class once, and this program's classes stay loaded from one execution to the next,"
        + " so the executions after this one could not repeat that wait: Weft does not explore it"
        + " here, and " + name + " may stay uninitializable in this JVM. Explore the program with"
        + " `weft run`, which loads its classes afresh for every execution, or initialize " + name
        + " before the exploration starts.\n";
  }

  /**
   * Whether using {@code used} initializes {@code type} first (JVMS 5.5, step 7): the class itself,
   * its superclasses and, for a class, its superinterfaces that declare a default method. A static
   * member inherited from a superclass and used through {@code used} counts as a use of {@code
   * used}, which may wait where the JVM would not.
   */
  static boolean initializes(Class<?> used, Class<?> type) {
    if (used == type) return true;
    if (!type.isAssignableFrom(used)) return false;
    if (!type.isInterface()) return true;
    if (used.isInterface()) return false;
    for (Method m : type.getDeclaredMethods()) {
      if (m.isDefault()) return true;
    }
    return false;
  }
}
