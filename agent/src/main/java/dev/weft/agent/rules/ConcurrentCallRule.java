package dev.weft.agent.rules;

import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Calls from application code into {@code java.util.concurrent} (locks, synchronizers, queues,
 * executors, futures, atomics), and the atomic access modes of {@code VarHandle} and {@code
 * Unsafe}: a scheduling point before each, given the receiver, so the trace reads {@code lock
 * ReentrantLock#1} at the caller's line.
 *
 * <pre>
 *   recv; a1..an; invoke   =>  recv; a1..an; [an..a1 into fresh locals]; dup; site; call;
 *                                [a1..an back]; invoke; callReturned
 *   static invoke          =>  aconst_null; site; call; invoke; callReturned
 *   an attempt             =>  ... invoke; dup; attemptReturned   (pollReturned for a poll)
 * </pre>
 *
 * The method is buffered as a tree so that the fresh locals can start above every local it uses;
 * they live only between their store and load, where no frame can fall, so no frame changes.
 * Methods that only read (get, isLocked, size) call {@code callRead}, which spin detection and
 * partial-order reduction treat as reads. Calls through a collection interface ({@code Map},
 * {@code Queue}, ...) call {@code callIfConcurrent}, a point only for a concurrent receiver, or
 * for one of the JDK classes whose synchronized methods Weft models at the call ({@code Vector},
 * {@code Hashtable}, {@code StringBuffer}); so do calls whose owner is one of those, or extends one.
 * Methods that try and may fail without a change ({@code compareAndSet}, {@code tryLock}, {@code
 * poll}) hand what they returned to the runtime, which sees a thread that keeps failing spin.
 * A {@code lock()} or {@code tryLock()} that opens a section that only reads calls {@code
 * lockToRead}, and an {@code unlock()} that goes straight back to it {@code unlockToLockAgain}
 * ({@link ReadOnlySections}).
 */
final class ConcurrentCallRule extends MethodNode {
  private static final String CALL_DESCRIPTOR = "(Ljava/lang/Object;I)V";
  private static final Set<String> NOT_SCHEDULED = Set.of(
      "java/util/concurrent/TimeUnit", "java/util/concurrent/ThreadLocalRandom",
      "java/util/concurrent/locks/LockSupport"); // LockSupport has its own hooks
  private static final Set<String> READS = Set.of(
      "get", "getPlain", "getOpaque", "getAcquire", "getVolatile", "intValue", "longValue",
      "floatValue", "doubleValue", "sum", "peek", "element", "size", "isEmpty", "contains",
      "containsKey", "containsValue", "getOrDefault", "mappingCount", "remainingCapacity",
      "isLocked", "isHeldByCurrentThread", "getHoldCount", "getCount", "availablePermits",
      "validate", "tryOptimisticRead", "isDone", "isCancelled", "isCompletedExceptionally",
      "getNow", "isShutdown", "isTerminated", "isTerminating", "getQueueLength",
      "hasQueuedThreads", "isReadLocked", "isWriteLocked", "getReadLockCount", "getNumberWaiting",
      "isBroken", "getParties", "getPhase", "getArrivedParties", "getUnarrivedParties",
      "getRegisteredParties", "getActiveCount", "getPoolSize", "length", "toString", "hashCode",
      "equals");
  /**
   * Collection interfaces outside {@code java.util.concurrent} through which a program often holds
   * a concurrent collection ({@code Map<K, V> m = new ConcurrentHashMap<>()}): a call through them
   * is a scheduling point when the receiver turns out to be a concurrent one.
   */
  private static final Set<String> COLLECTION_TYPES = Set.of(
      "java/util/Map", "java/util/SortedMap", "java/util/NavigableMap", "java/util/Collection",
      "java/util/List", "java/util/Set", "java/util/SortedSet", "java/util/NavigableSet",
      "java/util/Queue", "java/util/Deque", "java/util/Iterator", "java/util/ListIterator",
      "java/lang/Iterable");
  /** Methods returning whether they did anything: false means they changed nothing. */
  private static final Set<String> ATTEMPT_PREFIXES = Set.of(
      "compareAndSet", "compareAndSwap", "weakCompareAndSet", "tryLock", "tryAcquire", "tryTransfer", "offer",
      "attemptMark");
  /** Methods returning an element, or null when there was none to take. */
  private static final Set<String> POLLS = Set.of("poll", "pollFirst", "pollLast");
  /** VarHandle access modes that synchronize; plain get and set are ordinary accesses. */
  private static final Set<String> VAR_HANDLE_READS = Set.of("getVolatile", "getAcquire",
      "getOpaque");

  private final MethodVisitor next;
  private final RuleContext context;
  /** What the method's sections do. */
  private final ReadOnlySections sections;

  ConcurrentCallRule(MethodVisitor next, RuleContext context, ReadOnlySections sections,
      int access, String name, String descriptor, String signature, String[] exceptions) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
    this.context = context;
    this.sections = sections;
  }

  @Override
  public void visitEnd() {
    int line = -1;
    int acquires = 0;
    int releases = 0;
    for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof LineNumberNode n) line = n.line;
      if (insn instanceof InvokeDynamicInsnNode indy) bridgeMethodReference(indy, line);
      if (insn instanceof MethodInsnNode call) {
        Boolean readOnly = scheduled(call);
        if (readOnly != null) {
          String hook = (byReceiver(call.owner) ? "callIfConcurrent" : "call")
              + (readOnly ? "Read" : "");
          if (ReadOnlySections.isLockAcquire(call) && sections.readOnlyAcquire(acquires++)) {
            hook = "lockToRead";
          } else if (ReadOnlySections.isLockRelease(call) && sections.loopingRelease(releases++)) {
            hook = "unlockToLockAgain";
          }
          instructions.insertBefore(call, pointBefore(call, line, hook));
          instructions.insert(call, afterCall(call));
          context.markChanged();
        }
      }
    }
    accept(next);
  }

  /** What follows a scheduled call: its result too, when it tells whether an attempt failed. */
  private static InsnList afterCall(MethodInsnNode call) {
    InsnList code = new InsnList();
    int result = Type.getReturnType(call.desc).getSort();
    if (result == Type.BOOLEAN && isAttempt(call.name)) {
      code.add(new InsnNode(Opcodes.DUP));
      code.add(hook("attemptReturned", "(Z)V"));
    } else if (result == Type.OBJECT && POLLS.contains(call.name)) {
      code.add(new InsnNode(Opcodes.DUP));
      code.add(hook("pollReturned", "(Ljava/lang/Object;)V"));
    } else {
      code.add(hook("callReturned", "()V"));
    }
    return code;
  }

  private static MethodInsnNode hook(String name, String descriptor) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HookOwners.of(name), name, descriptor,
        false);
  }

  private static boolean isAttempt(String name) {
    for (String prefix : ATTEMPT_PREFIXES) if (name.startsWith(prefix)) return true;
    return false;
  }

  /** A method reference to a scheduled method is pointed at a bridge that calls it. */
  private void bridgeMethodReference(InvokeDynamicInsnNode indy, int line) {
    MethodRefBridges bridges = context.methodRefBridges();
    if (bridges == null || !MethodRefBridges.isLambda(indy.bsm)
        || !(indy.bsmArgs[1] instanceof Handle target)) {
      return;
    }
    int opcode = MethodRefBridges.opcodeOf(target);
    if (opcode < 0 || target.getOwner().equals(context.className())) return;
    MethodInsnNode call = new MethodInsnNode(
        opcode, target.getOwner(), target.getName(), target.getDesc(), target.isInterface());
    if (scheduled(call) == null) return;
    indy.bsmArgs[1] = bridges.bridgeFor(target, line);
    context.markChanged();
  }

  /** Whether a call on {@code owner} is a point or not by its receiver's class, at run time. */
  private boolean byReceiver(String owner) {
    return COLLECTION_TYPES.contains(owner) || hasSynchronizedMethods(owner);
  }

  /**
   * Whether {@code owner} is, or extends, a JDK class whose synchronized methods Weft models at the
   * program's calls; only the JDK's own subclasses of them ({@code Properties}) are left out.
   */
  private boolean hasSynchronizedMethods(String owner) {
    if (owner.startsWith("java/") || owner.startsWith("[")) {
      return JdkRules.SYNCHRONIZED_METHODS.contains(owner);
    }
    // StringBuffer is final, and Stack extends Vector.
    return context.types().isSubclassOf(owner, "java/util/Vector")
        || context.types().isSubclassOf(owner, "java/util/Hashtable");
  }

  /** Null when the call is not a scheduling point; otherwise whether it only reads. */
  private Boolean scheduled(MethodInsnNode call) {
    if (call.getOpcode() == Opcodes.INVOKESPECIAL) return null; // constructors, super calls
    String owner = call.owner;
    String name = call.name;
    if (call.getOpcode() != Opcodes.INVOKESTATIC && hasSynchronizedMethods(owner)) {
      return READS.contains(name);
    }
    if (owner.equals("java/lang/invoke/VarHandle")) {
      if (name.equals("get") || name.equals("set") || !isAccessMode(name)) return null;
      return VAR_HANDLE_READS.contains(name);
    }
    if (owner.equals("sun/misc/Unsafe") || owner.equals("jdk/internal/misc/Unsafe")) {
      return unsafeAtomic(name);
    }
    if (COLLECTION_TYPES.contains(owner)) return READS.contains(name) || isIteration(name);
    if (!owner.startsWith("java/util/concurrent/") || NOT_SCHEDULED.contains(owner)
        || owner.endsWith("Exception")) {
      return null;
    }
    return READS.contains(name);
  }

  private static boolean isIteration(String name) {
    return name.equals("iterator") || name.equals("hasNext") || name.equals("next")
        || name.equals("keySet") || name.equals("values") || name.equals("entrySet");
  }

  private static boolean isAccessMode(String name) {
    return name.startsWith("get") || name.startsWith("set") || name.startsWith("compareAnd")
        || name.startsWith("weakCompareAndSet");
  }

  /** Unsafe's atomic and ordered accesses: writes, volatile and acquire reads; others null. */
  private static Boolean unsafeAtomic(String name) {
    if (name.startsWith("compareAnd") || name.startsWith("weakCompareAnd")
        || name.startsWith("getAnd") || name.startsWith("putOrdered")
        || (name.startsWith("put") && (name.endsWith("Volatile") || name.endsWith("Release")))) {
      return false;
    }
    if (name.startsWith("get") && (name.endsWith("Volatile") || name.endsWith("Acquire"))) {
      return true;
    }
    return null;
  }

  private InsnList pointBefore(MethodInsnNode call, int line, String hook) {
    InsnList code = new InsnList();
    SetAsideArguments arguments = SetAsideArguments.of(call.desc, maxLocals);
    if (call.getOpcode() == Opcodes.INVOKESTATIC) {
      code.add(new InsnNode(Opcodes.ACONST_NULL));
    } else {
      arguments.store(code);
      code.add(new InsnNode(Opcodes.DUP));
    }
    String owner = call.owner.substring(call.owner.lastIndexOf('/') + 1).replace('$', '.');
    code.add(site(context.registerSite(name, line, owner + "." + call.name)));
    code.add(new MethodInsnNode(
        Opcodes.INVOKESTATIC, HookOwners.of(hook), hook, CALL_DESCRIPTOR, false));
    if (call.getOpcode() != Opcodes.INVOKESTATIC) arguments.load(code);
    return code;
  }

  /** The instruction that pushes {@code site}, as small as it fits. */
  static AbstractInsnNode site(int site) {
    if (site >= Byte.MIN_VALUE && site <= Byte.MAX_VALUE) {
      return new IntInsnNode(Opcodes.BIPUSH, site);
    }
    if (site >= Short.MIN_VALUE && site <= Short.MAX_VALUE) {
      return new IntInsnNode(Opcodes.SIPUSH, site);
    }
    return new LdcInsnNode(site);
  }
}
