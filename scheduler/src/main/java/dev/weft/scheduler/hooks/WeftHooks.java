package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.JdkLoading;
import dev.weft.scheduler.runtime.JdkStructures;
import dev.weft.scheduler.trace.SiteRegistry;
import java.util.List;

/**
 * The static bridge that instrumented bytecode calls. Stable, thin, and cheap. The hooks are
 * grouped by what they stand for, one class each ({@link #CLASSES}); this one holds the sites,
 * class initialization, Weft's own code and the JDK's loaders, and the end of the process.
 * <p>Every hook first reads {@link Execution#active()}: when no exploration runs, that single
 * volatile read is all it costs and the original operation proceeds unchanged. When one runs, the
 * hook forwards to the execution, which ignores threads it does not control. Re-entry (the runtime
 * calling instrumented code while already inside a hook) is prevented by the execution's per-thread
 * {@code insideHook} flag.  <p>Every hook runs its model code through {@link Guarded}, so that what
 * escapes it reaches the program only when the model threw it for the program, and anything else
 * ends the execution as Weft's own failure. Most pass it as a lambda; those the JDK reaches most
 * often ({@code hashCode}, {@code identityHashCode}, {@code unpark}, {@code unsafePark}, {@code
 * unsafeUnpark}, {@code initializingByJdk}) and those whose model runs for threads Weft does not
 * control too ({@code threadExiting}, {@code uncaughtException}) guard it with a {@code try} of
 * their own, which allocates nothing. The socket hooks guard the model's wait and run the real call
 * outside, so that its {@code IOException} stays the program's.  <p>{@code site} arguments are
 * indices into {@link SiteRegistry}, assigned by the agent when it rewrites a class, so the trace
 * names {@code File.java:line} without walking the stack.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class WeftHooks {
  /**
   * Every class of hooks. A hook's name is declared by one of them only, so the agent finds the
   * class of a hook by its name.
   */
  public static final List<Class<?>> CLASSES = List.of(WeftHooks.class, ThreadHooks.class,
      MonitorHooks.class, MemoryHooks.class, CallHooks.class, ParkingHooks.class,
      SocketHooks.class, DeterminismHooks.class);

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
    if (e != null) Guarded.run(e, "WeftHooks.classInitStarted", () -> e.classInits().started(type));
  }

  /** Exit of the static initializer of {@code type}, by a return or a throw. Never throws. */
  public static void classInitEnded(Class<?> type) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "WeftHooks.classInitEnded", () -> e.classInits().ended(type));
  }

  /**
   * Before {@code new}, {@code getstatic}, {@code putstatic} or {@code invokestatic} of {@code type}
   * (one of which initializes it when it is not yet), where {@code type} or a supertype has a static
   * initializer.
   */
  public static void classUsed(Class<?> type, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "WeftHooks.classUsed", () -> e.classInits().used(type, site));
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
      Guarded.failed(e, "WeftHooks.initializingByJdk", t);
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
      Guarded.run(e, "WeftHooks.invokingReflectively", () -> e.classInits().usedByJdk(initialized));
    }
  }

  /** Entry of {@code Class.forName(name, initialize, loader)}. */
  public static void forName(String name, boolean initialize, ClassLoader loader) {
    if (!initialize) return;
    Execution e = Guarded.enter();
    if (e != null) {
      Guarded.run(e, "WeftHooks.forName", () -> e.classInits().namedByJdk(name, loader, false));
    }
  }

  /** Entry of {@code Class.forName(name)}, which uses its caller's loader. */
  public static void forName(String name) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "WeftHooks.forName",
        () -> e.classInits().namedByJdk(name, null, true));
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

  // ---- the end of the process

  /**
   * Entry of {@code Runtime.exit(status)}, which {@code System.exit} calls. On a controlled thread
   * it ends the execution instead, as the exit would have ended the process, and does not return.
   */
  public static void runtimeExit(int status) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "WeftHooks.runtimeExit",
        () -> e.programExit("Runtime.exit", status));
  }

  /** Entry of {@code Runtime.halt(status)}: as {@link #runtimeExit}. */
  public static void runtimeHalt(int status) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "WeftHooks.runtimeHalt",
        () -> e.programExit("Runtime.halt", status));
  }

}
