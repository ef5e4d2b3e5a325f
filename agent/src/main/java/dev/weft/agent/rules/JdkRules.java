package dev.weft.agent.rules;

import dev.weft.scheduler.runtime.JdkStructures;
import dev.weft.scheduler.runtime.SocketCall;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The JDK classes Weft rewrites besides {@code java.lang.Thread}'s lifecycle, all by
 * retransformation (so only code is added):
 *
 * <pre>
 *   Thread.start(), start(container) entry: threadStarting(this); before each return: threadStarted
 *   VirtualThread.start(container) (JDK 21+)
 *                                    entry: virtualThreadStarting(this, this.scheduler); before
 *                                    each return: threadStarted
 *   VirtualThread.run(task)          entry: threadRunEntered(); before each return: threadExiting
 *   Thread.interrupt(), and VirtualThread's own
 *                                    entry: if (interruptEntered(this)) return;
 *   Thread.isInterrupted(), .interrupted(), .getAndClearInterrupt(), and VirtualThread's own
 *                                    entry: answer from the model when the hook has one
 *   LockSupport.park*, unpark        entry: if (park..(blocker, ..)) return;
 *   Unsafe.park/unpark calls in java.util.concurrent (JDK 21+ calls them directly): hooks
 *   reads of ForkJoinPool.common, CompletableFuture.ASYNC_POOL: the execution's own pool
 *   Clock.currentInstant()           entry: the virtual clock's instant when the hook has one
 *   Runtime.exit(status), .halt(status)
 *                                    entry: runtimeExit(status), runtimeHalt(status)
 *   java.util.concurrent.**, java.time.**, Random, the socket classes of SocketRule (their
 *   timeouts): System.nanoTime/currentTimeMillis calls
 *   HashMap, ConcurrentHashMap, ...: hashCode and identityHashCode calls (HashCallRule)
 *   Thread.getId(), threadId()       before each return: threadId(id, this)
 *   Unsafe.ensureClassInitialized(c), Method.invoke, Constructor.newInstance, Class.forName,
 *   DirectMethodHandle.allocateInstance (a constructor's method handle)
 *                                    entry: the class they initialize is used (ClassInits)
 *   SocketDispatcher.read*, write*, Net.connect
 *                                    entry: socketCall(fd, which); waits: SocketRule
 *   LinuxAsynchronousChannelProvider.defaultEventPort()
 *                                    entry: the execution's own group when the hook has one
 *   ThreadPool.defaultThreadFactory() before each return: the factory of the JDK's own
 *                                    threads of asynchronous channel groups, through a hook
 *   AsynchronousChannelGroup's constructor
 *                                    entry: asynchronousGroup(provider), which refuses other
 *                                    providers than the JDK's epoll one
 *   java.util.concurrent.**, ThreadBuilders: new T(..), outside static initializers
 *                                    after the constructor: allocated(object) (AllocationRule)
 *   default thread and pool numbers, unseeded Random and ThreadLocalRandom seeds: filtered
 *   ConcurrentLinkedDeque, ConcurrentHashMap, ... (JdkStructures): their field, VarHandle and
 *   Unsafe accesses and monitors (StructureAccessRule, MonitorRule), steps inside the program's calls
 *   synchronized views of Collections, Vector, Hashtable, StringBuffer, Timer (and their nested
 *   classes): monitorenter/exit, wait and notify as in the program's code (MonitorRule,
 *   WaitNotifyRule); their synchronized instance methods: entry and exit hooks that keep the
 *   model (SynchronizedMethodHooks); TimerThread.run() entry: threadRunEntered()
 * </pre>
 *
 * So threads that JDK code starts (executors, timers) are controlled, JDK code sees the modelled
 * interrupt status, every lock, queue and future blocks through the modelled park, the JDK's
 * synchronized collections and timers share their monitors through the model, and timed waits run
 * on virtual time.
 */
final class JdkRules extends ClassVisitor {
  private static final String THREAD_CLASS = "java/lang/Thread";
  private static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
  private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
  private static final String CLOCK = "java/time/Clock";
  private static final String RUNTIME = "java/lang/Runtime";
  private static final String CLASS = "java/lang/Class";
  /** The classes whose entries initialize a class for reflection and method handles. */
  private static final java.util.Set<String> INITIALIZE_REFLECTIVELY = java.util.Set.of(
      CLASS, "java/lang/reflect/Method", "java/lang/reflect/Constructor",
      "jdk/internal/misc/Unsafe", "java/lang/invoke/DirectMethodHandle");
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String THREAD_DESCRIPTOR = "Ljava/lang/Thread;";
  private static final String EXECUTOR = "Ljava/util/concurrent/Executor;";
  private static final String FD = "Ljava/io/FileDescriptor;";
  private static final String SOCKET_DISPATCHER = "sun/nio/ch/SocketDispatcher";
  private static final String NET = "sun/nio/ch/Net";
  private static final String ASYNC_CHANNEL_GROUP = "java/nio/channels/AsynchronousChannelGroup";
  private static final String ASYNC_PROVIDER =
      "Ljava/nio/channels/spi/AsynchronousChannelProvider;";
  private static final String LINUX_ASYNC_PROVIDER = "sun/nio/ch/LinuxAsynchronousChannelProvider";
  private static final String GROUP_THREAD_POOL = "sun/nio/ch/ThreadPool";
  private static final String THREAD_FACTORY = "Ljava/util/concurrent/ThreadFactory;";

  private record Entry(String hook, String hookArguments, EntryHook.Answer answer,
      Consumer<MethodVisitor> push) {}

  private static final Entry INTERRUPT = new Entry("interruptEntered", THREAD_DESCRIPTOR,
      EntryHook.Answer.HANDLED, mv -> mv.visitVarInsn(Opcodes.ALOAD, 0));
  private static final Entry IS_INTERRUPTED =
      status(false, mv -> mv.visitVarInsn(Opcodes.ALOAD, 0));
  private static final Entry CLEAR_INTERRUPT =
      status(true, mv -> mv.visitVarInsn(Opcodes.ALOAD, 0));

  private static final Map<String, Entry> ENTRIES = Map.ofEntries(
      Map.entry(THREAD_CLASS + ".interrupt()V", INTERRUPT),
      Map.entry(THREAD_CLASS + ".isInterrupted()Z", IS_INTERRUPTED),
      Map.entry(THREAD_CLASS + ".getAndClearInterrupt()Z", CLEAR_INTERRUPT),
      // A virtual thread keeps its interrupt status in its own overrides of these.
      Map.entry(VIRTUAL_THREAD + ".interrupt()V", INTERRUPT),
      Map.entry(VIRTUAL_THREAD + ".isInterrupted()Z", IS_INTERRUPTED),
      Map.entry(VIRTUAL_THREAD + ".getAndClearInterrupt()Z", CLEAR_INTERRUPT),
      Map.entry(THREAD_CLASS + ".interrupted()Z", status(true, mv -> mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, THREAD_CLASS, "currentThread", "()" + THREAD_DESCRIPTOR, false))),
      Map.entry(LOCK_SUPPORT + ".park()V", park("park", OBJECT, false, false)),
      Map.entry(LOCK_SUPPORT + ".park(Ljava/lang/Object;)V", park("park", OBJECT, true, false)),
      Map.entry(LOCK_SUPPORT + ".parkNanos(J)V", park("parkNanos", OBJECT + "J", false, true)),
      Map.entry(LOCK_SUPPORT + ".parkNanos(Ljava/lang/Object;J)V",
          park("parkNanos", OBJECT + "J", true, true)),
      Map.entry(LOCK_SUPPORT + ".parkUntil(J)V", park("parkUntil", OBJECT + "J", false, true)),
      Map.entry(LOCK_SUPPORT + ".parkUntil(Ljava/lang/Object;J)V",
          park("parkUntil", OBJECT + "J", true, true)),
      Map.entry(LOCK_SUPPORT + ".unpark(Ljava/lang/Thread;)V", new Entry("unpark",
          THREAD_DESCRIPTOR, EntryHook.Answer.HANDLED, mv -> mv.visitVarInsn(Opcodes.ALOAD, 0))),
      // A fork-join worker overrides run(): its start is announced here.
      Map.entry("java/util/concurrent/ForkJoinWorkerThread.run()V",
          new Entry("threadRunEntered", "", EntryHook.Answer.NONE, mv -> { })),
      // A timer's thread overrides run(): its start is announced here.
      Map.entry("java/util/TimerThread.run()V",
          new Entry("threadRunEntered", "", EntryHook.Answer.NONE, mv -> { })),
      // A virtual thread runs its task here, not in run(): its start is announced here.
      Map.entry(VIRTUAL_THREAD + ".run(Ljava/lang/Runnable;)V",
          new Entry("threadRunEntered", "", EntryHook.Answer.NONE, mv -> { })),
      Map.entry(CLOCK + ".currentInstant()Ljava/time/Instant;",
          new Entry("instantNow", "", EntryHook.Answer.VALUE, mv -> { })),
      // An exit in an execution ends the execution, not the JVM that explores (System.exit and
      // reflective calls come through here too).
      Map.entry(RUNTIME + ".exit(I)V", new Entry("runtimeExit", "I", EntryHook.Answer.NONE,
          mv -> mv.visitVarInsn(Opcodes.ILOAD, 1))),
      Map.entry(RUNTIME + ".halt(I)V", new Entry("runtimeHalt", "I", EntryHook.Answer.NONE,
          mv -> mv.visitVarInsn(Opcodes.ILOAD, 1))),
      // A socket's reads, writes and connects: scheduling points (SocketRule has its waits).
      Map.entry(SOCKET_DISPATCHER + ".read(" + FD + "JI)I", socketCall(SocketCall.READ)),
      Map.entry(SOCKET_DISPATCHER + ".readv(" + FD + "JI)J", socketCall(SocketCall.READ)),
      Map.entry(SOCKET_DISPATCHER + ".write(" + FD + "JI)I", socketCall(SocketCall.WRITE)),
      Map.entry(SOCKET_DISPATCHER + ".writev(" + FD + "JI)J", socketCall(SocketCall.WRITE)),
      Map.entry(NET + ".connect(Ljava/net/ProtocolFamily;" + FD + "Ljava/net/InetAddress;I)I",
          socketCall(SocketCall.CONNECT)),
      // Where the JDK initializes a class for reflection, method handles and Class.forName: a
      // thread that would wait inside the JVM for another's initializer waits in the model first.
      Map.entry("jdk/internal/misc/Unsafe.ensureClassInitialized(Ljava/lang/Class;)V",
          new Entry("initializingByJdk", "Ljava/lang/Class;", EntryHook.Answer.NONE,
              mv -> mv.visitVarInsn(Opcodes.ALOAD, 1))),
      // A method handle to a constructor allocates through Unsafe.allocateInstance, whose native
      // code initializes the class: the handle's class is used first.
      Map.entry("java/lang/invoke/DirectMethodHandle.allocateInstance(" + OBJECT + ")" + OBJECT,
          new Entry("initializingByJdk", "Ljava/lang/Class;", EntryHook.Answer.NONE, mv -> {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/invoke/DirectMethodHandle$Constructor");
            mv.visitFieldInsn(Opcodes.GETFIELD, "java/lang/invoke/DirectMethodHandle$Constructor",
                "instanceClass", "Ljava/lang/Class;");
          })),
      Map.entry("java/lang/reflect/Method.invoke(" + OBJECT + "[" + OBJECT + ")" + OBJECT,
          reflectiveCall()),
      Map.entry("java/lang/reflect/Constructor.newInstance([" + OBJECT + ")" + OBJECT,
          reflectiveCall()),
      Map.entry(CLASS + ".forName(Ljava/lang/String;)L" + CLASS + ";",
          new Entry("forName", "Ljava/lang/String;", EntryHook.Answer.NONE,
              mv -> mv.visitVarInsn(Opcodes.ALOAD, 0))),
      Map.entry(CLASS + ".forName(Ljava/lang/String;ZLjava/lang/ClassLoader;)L" + CLASS + ";",
          new Entry("forName", "Ljava/lang/String;ZLjava/lang/ClassLoader;",
              EntryHook.Answer.NONE, mv -> {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ILOAD, 1);
                mv.visitVarInsn(Opcodes.ALOAD, 2);
              })),
      // The JVM-wide default group of asynchronous channels, whose threads outlive executions:
      // a controlled thread gets its execution's own instead.
      Map.entry(LINUX_ASYNC_PROVIDER + ".defaultEventPort()Lsun/nio/ch/EPollPort;",
          new Entry("asynchronousDefaultGroup", "", EntryHook.Answer.CAST_VALUE, mv -> { })),
      // Before a group of another provider starts I/O threads that Weft cannot control.
      Map.entry(ASYNC_CHANNEL_GROUP + ".<init>(" + ASYNC_PROVIDER + ")V",
          new Entry("asynchronousGroup", "Ljava/lang/Object;", EntryHook.Answer.NONE,
              mv -> mv.visitVarInsn(Opcodes.ALOAD, 1))));

  /**
   * The JDK's hash tables, and the places it reads hash codes of arbitrary objects ({@code
   * Object.toString}, {@code Arrays.hashCode}), whose calls {@link HashCallRule} routes through the
   * hooks. Not WeakHashMap: {@code ClassValue}, which the hooks use, stands on it.
   */
  private static final java.util.Set<String> HASH_TABLES = java.util.Set.of(
      "java/util/HashMap", "java/util/Hashtable", "java/util/IdentityHashMap", "java/util/Objects",
      "java/util/Arrays", "java/lang/Object", "java/util/concurrent/ConcurrentHashMap");

  /**
   * Numbers the JDK draws from counters and seeds that outlive an execution: each result, in the
   * named method (or any, for {@code *}), goes through a hook that makes it the same on every run.
   */
  private static final Map<String, Map<String, String>> RESULT_FILTERS = Map.of(
      THREAD_CLASS + ".*", Map.of(
          THREAD_CLASS + ".nextThreadNum()I", "threadNumber",
          THREAD_CLASS + "$ThreadNumbering.next()I", "threadNumber"),
      "java/util/concurrent/Executors$DefaultThreadFactory.<init>", Map.of(
          "java/util/concurrent/atomic/AtomicInteger.getAndIncrement()I", "poolNumber"),
      "java/util/Random.<init>", Map.of("java/util/Random.seedUniquifier()J", "randomSeed"),
      // The level a skip list gives a new node: its shape, and so the steps inside its calls.
      "java/util/concurrent/ThreadLocalRandom.nextSecondarySeed", Map.of(
          "java/util/concurrent/atomic/AtomicLong.getAndAdd(J)J", "secondarySeed"),
      "java/util/concurrent/ThreadLocalRandom.localInit", Map.of(
          "java/util/concurrent/atomic/AtomicLong.getAndAdd(J)J", "randomSeed",
          "java/util/concurrent/atomic/AtomicInteger.addAndGet(I)I", "randomProbe"));

  /**
   * JDK classes whose monitors controlled threads share, and whose own code enters them, waits and
   * notifies: the program's calls of their public methods must be scheduling points, and a timer
   * thread's wait must not hold the turn. Each name stands for the class and its nested classes.
   * Not {@code PrintStream} and the other I/O classes, whose monitors a program does not compose
   * into its own atomic actions: they stay untouched and cost nothing.
   */
  private static final java.util.Set<String> SHARED_MONITORS = java.util.Set.of(
      "java/util/Vector", "java/util/Stack", "java/util/Hashtable", "java/lang/StringBuffer",
      "java/util/Timer", "java/util/TimerThread", "java/util/TimerTask");

  /**
   * Of those, the classes whose synchronized methods a program calls: they keep their flag (a
   * loaded class cannot lose it), so their hooks only follow the monitor the JVM takes, and the
   * program's call before is the scheduling point ({@link ConcurrentCallRule}).
   */
  static final java.util.Set<String> SYNCHRONIZED_METHODS = java.util.Set.of(
      "java/util/Vector", "java/util/Stack", "java/util/Hashtable", "java/lang/StringBuffer");

  /**
   * The JDK code whose allocations get chosen identity hash codes, as the program's own do: the
   * objects an executor, a future or a thread builder creates for a program (workers, tasks,
   * threads) end up in the JDK's hash sets, whose iteration order (the order {@code shutdownNow}
   * interrupts workers in, say) must be the same on every run of a schedule.
   */
  private static boolean allocatesForPrograms(String className) {
    return className.startsWith("java/util/concurrent/")
        || className.startsWith("java/lang/ThreadBuilders");
  }

  private final RuleContext context;

  JdkRules(ClassVisitor next, RuleContext context) {
    super(Opcodes.ASM9, next);
    this.context = context;
  }

  /** Whether the JDK class {@code className} (internal name) has anything for these rules. */
  static boolean rewrites(String className) {
    return className.equals(THREAD_CLASS) || className.equals(VIRTUAL_THREAD)
        || className.equals(RUNTIME) || INITIALIZE_REFLECTIVELY.contains(className)
        || readsClock(className) || HASH_TABLES.contains(className)
        || sharesMonitors(className)
        || SocketRule.CLASSES.contains(className) || className.equals(SOCKET_DISPATCHER)
        || className.equals(NET) || className.equals(ASYNC_CHANNEL_GROUP)
        || className.equals(LINUX_ASYNC_PROVIDER) || className.equals(GROUP_THREAD_POOL)
        || allocatesForPrograms(className) || JdkStructures.instrumented(className);
  }

  private static boolean readsClock(String className) {
    return className.startsWith("java/util/concurrent/") || className.startsWith("java/time/")
        || className.equals("java/util/Random") || className.equals("java/util/Timer")
        || className.equals("java/util/TimerThread") || SocketRule.CLASSES.contains(className);
  }

  /** {@link #SHARED_MONITORS}, nested classes included, and the synchronized views. */
  private static boolean sharesMonitors(String className) {
    int nested = className.indexOf('$');
    return SHARED_MONITORS.contains(nested < 0 ? className : className.substring(0, nested))
        || className.startsWith("java/util/Collections$Synchronized");
  }

  @Override
  public void visitSource(String source, String debug) {
    context.sourceFile(source);
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    String className = context.className();
    if (readsClock(className)) mv = new TimeCallRule(mv, context, name);
    if (className.startsWith("java/util/concurrent/") && !className.equals(LOCK_SUPPORT)) {
      mv = new UnsafeParkRule(mv, context, name);
      mv = new CommonPoolRule(mv, context, name);
    }
    if (HASH_TABLES.contains(className)) mv = new HashCallRule(mv, context, name);
    if (sharesMonitors(className)) {
      mv = new WaitNotifyRule(mv, context, name);
      mv = new MonitorRule(mv, context, name, null);
      if (SYNCHRONIZED_METHODS.contains(className) && SynchronizedMethodHooks.appliesTo(access)) {
        mv = new SynchronizedMethodHooks(mv, context, access, name, descriptor, signature,
            exceptions);
      }
    }
    if (SocketRule.CLASSES.contains(className)) mv = new SocketRule(mv, context, name);
    if (JdkStructures.instrumented(className) && StructureAccessRule.appliesTo(name)) {
      mv = new MonitorRule(mv, context, name, "structureMonitorEnter", "structureMonitorExit");
      mv = new StructureAccessRule(mv, context, access, name, descriptor, signature, exceptions);
    }
    // A JDK class is initialized once per JVM, in whichever execution first needs it: its static
    // objects taking chosen hashes would shift every later hash of that execution alone.
    if (allocatesForPrograms(className) && !name.equals("<clinit>")) {
      mv = new AllocationRule(mv, context, name);
    }
    Map<String, String> filters = RESULT_FILTERS.getOrDefault(className + "." + name,
        RESULT_FILTERS.get(className + ".*"));
    if (filters != null) mv = new ResultFilter(mv, context, name, filters);
    if (className.equals(THREAD_CLASS) && (name.equals("getId") || name.equals("threadId"))
        && descriptor.equals("()J")) {
      mv = new BeforeReturn(mv, context, name, Opcodes.LRETURN, "threadId",
          "(J" + THREAD_DESCRIPTOR + ")J", true);
    }
    // The JDK makes every thread of its own for a channel group (the internal I/O thread, the
    // timeout thread, the default group's pool) with this factory.
    if (className.equals(GROUP_THREAD_POOL) && name.equals("defaultThreadFactory")
        && descriptor.equals("()" + THREAD_FACTORY)) {
      mv = new BeforeReturn(mv, context, name, Opcodes.ARETURN, "asynchronousGroupThreads",
          "(" + THREAD_FACTORY + ")" + THREAD_FACTORY, false);
    }
    Entry entry = ENTRIES.get(className + "." + name + descriptor);
    if (entry != null) {
      mv = new EntryHook(mv, context, access, name, descriptor, entry.hook(),
          entry.hookArguments(), entry.answer(), entry.push());
    }
    String threadHook = "(" + THREAD_DESCRIPTOR + ")V";
    if (isStart(className, name, descriptor)) {
      mv = new BeforeReturn(mv, context, name, Opcodes.RETURN, "threadStarted", threadHook, true);
      mv = className.equals(THREAD_CLASS)
          ? new EntryHook(mv, context, access, name, descriptor, "threadStarting",
              THREAD_DESCRIPTOR, EntryHook.Answer.NONE, m -> m.visitVarInsn(Opcodes.ALOAD, 0))
          : new EntryHook(mv, context, access, name, descriptor, "virtualThreadStarting",
              THREAD_DESCRIPTOR + EXECUTOR, EntryHook.Answer.NONE, JdkRules::pushScheduler);
    }
    // A virtual thread never runs Thread.exit(): it has ended when its task has returned.
    if (className.equals(VIRTUAL_THREAD) && name.equals("run")
        && descriptor.equals("(Ljava/lang/Runnable;)V")) {
      mv = new BeforeReturn(mv, context, name, Opcodes.RETURN, "threadExiting", threadHook, true);
    }
    return mv;
  }

  /** {@code this} and {@code this.scheduler}, inside {@code VirtualThread}. */
  private static void pushScheduler(MethodVisitor mv) {
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitFieldInsn(Opcodes.GETFIELD, VIRTUAL_THREAD, "scheduler", EXECUTOR);
  }

  /**
   * {@code Thread.start()} and {@code start(ThreadContainer)}, through which JDK 19+ starts
   * threads (executors included); a virtual thread's {@code start()} calls its own {@code
   * start(ThreadContainer)}.
   */
  private static boolean isStart(String className, String name, String descriptor) {
    boolean container = descriptor.equals("(Ljdk/internal/vm/ThreadContainer;)V");
    return name.equals("start") && (className.equals(THREAD_CLASS)
        ? container || descriptor.equals("()V") : className.equals(VIRTUAL_THREAD) && container);
  }

  /** Entry of a socket call: the descriptor (the first parameter) and which call it is. */
  private static Entry socketCall(SocketCall call) {
    return new Entry("socketCall", FD + "I", EntryHook.Answer.NONE, mv -> {
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitLdcInsn(call.ordinal());
    });
  }

  /** Entry of {@code Method.invoke} or {@code Constructor.newInstance}: the member. */
  private static Entry reflectiveCall() {
    return new Entry("invokingReflectively", OBJECT, EntryHook.Answer.NONE,
        mv -> mv.visitVarInsn(Opcodes.ALOAD, 0));
  }

  private static Entry status(boolean clear, Consumer<MethodVisitor> pushThread) {
    return new Entry("interruptStatus", THREAD_DESCRIPTOR + "Z", EntryHook.Answer.STATUS, mv -> {
      pushThread.accept(mv);
      mv.visitInsn(clear ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
    });
  }

  /** A park method: its blocker (or null) first, then its time when it has one. */
  private static Entry park(String hook, String hookArguments, boolean hasBlocker, boolean timed) {
    return new Entry(hook, hookArguments, EntryHook.Answer.HANDLED, mv -> {
      if (hasBlocker) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
      } else {
        mv.visitInsn(Opcodes.ACONST_NULL);
      }
      if (timed) mv.visitVarInsn(Opcodes.LLOAD, hasBlocker ? 1 : 0);
    });
  }

  /**
   * {@code Unsafe.park} and {@code unpark}, which parts of {@code java.util.concurrent} call
   * without {@code LockSupport} (the fork-join pool and AQS on JDK 21+): through the hooks too.
   */
  private static final class UnsafeParkRule extends HookMethodVisitor {
    private static final String UNSAFE = "jdk/internal/misc/Unsafe";

    UnsafeParkRule(MethodVisitor next, RuleContext context, String methodName) {
      super(next, context, methodName);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (owner.equals(UNSAFE) && name.equals("park") && descriptor.equals("(ZJ)V")) {
        invokeHook("unsafePark", "(" + OBJECT + "ZJ)V");
      } else if (owner.equals(UNSAFE) && name.equals("unpark")
          && descriptor.equals("(" + OBJECT + ")V")) {
        invokeHook("unsafeUnpark", "(" + OBJECT + OBJECT + ")V");
      } else {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    }
  }

  /**
   * Reads of the fork-join common pool ({@code ForkJoinPool.common}) and of {@code
   * CompletableFuture}'s default pool: through a hook that gives controlled threads a fresh pool
   * of the execution's own, so no worker and no task outlives an execution.
   */
  private static final class CommonPoolRule extends HookMethodVisitor {
    CommonPoolRule(MethodVisitor next, RuleContext context, String methodName) {
      super(next, context, methodName);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      super.visitFieldInsn(opcode, owner, name, descriptor);
      boolean common = owner.equals("java/util/concurrent/ForkJoinPool") && name.equals("common");
      boolean async = owner.equals("java/util/concurrent/CompletableFuture")
          && name.equals("ASYNC_POOL");
      if (opcode == Opcodes.GETSTATIC && (common || async)) {
        invokeHook("commonPool", "(" + descriptor + ")" + descriptor);
      }
    }
  }

  /** After each listed call, its result passes through a hook of the same type. */
  private static final class ResultFilter extends HookMethodVisitor {
    private final Map<String, String> filters;

    ResultFilter(MethodVisitor next, RuleContext context, String methodName,
        Map<String, String> filters) {
      super(next, context, methodName);
      this.filters = filters;
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      String hook = filters.get(owner + "." + name + descriptor);
      if (hook != null) {
        String type = descriptor.substring(descriptor.indexOf(')') + 1);
        invokeHook(hook, "(" + type + ")" + type);
      }
    }
  }

  /**
   * Before each {@code returnOpcode}: the hook (given {@code this} too for an instance method of
   * {@code Thread}), which sees and, for a value, may replace what the method returns.
   */
  private static final class BeforeReturn extends HookMethodVisitor {
    private final int returnOpcode;
    private final String hook;
    private final String descriptor;
    private final boolean passThis;

    BeforeReturn(MethodVisitor next, RuleContext context, String methodName, int returnOpcode,
        String hook, String descriptor, boolean passThis) {
      super(next, context, methodName);
      this.returnOpcode = returnOpcode;
      this.hook = hook;
      this.descriptor = descriptor;
      this.passThis = passThis;
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == returnOpcode) {
        if (passThis) super.visitVarInsn(Opcodes.ALOAD, 0);
        invokeHook(hook, descriptor);
      }
      super.visitInsn(opcode);
    }
  }
}
