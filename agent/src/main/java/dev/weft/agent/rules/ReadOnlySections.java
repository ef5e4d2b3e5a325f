package dev.weft.agent.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which critical sections of one method only read, found from its bytecode as compiled, before any
 * rule adds to it. The runtime needs it to tell a thread that polls under a monitor from one that
 * makes progress under it: Weft sees neither the plain writes inside a section (without race
 * instrumentation) nor those of the JDK code a section calls, so without this fact every section
 * counts as a write.
 *
 * <p>A section opens at a {@code monitorenter} and closes, on each path, at the first {@code
 * monitorexit} after it. It <em>only reads</em> when no path from its opening to a close stores
 * into a field or an array element, calls a method (but for the getters below), allocates, enters
 * or exits a monitor, returns, throws, or may throw where no handler of the method catches
 * everything. Its enter and exit then change nothing but the monitor, which they leave as they
 * found it, and which no program can poll.
 *
 * <p>A close of such a section <em>loops</em> when every path from it goes straight back to that
 * section's opening under the same rules: a thread that takes it writes nothing at all before it
 * opens the section again. Only then is the next opening a poll, since a thread's exit publishes
 * whatever it wrote before: the runtime counts an opening that does not follow a looping close as a
 * write ({@code SpinDetector}). That the close and the next opening act on the same object, which
 * the bytecode cannot tell, the runtime checks.
 *
 * <p>A section under a {@code java.util.concurrent} lock opens at a call of {@code lock()} or, on
 * the branch where it returned true, {@code tryLock()} on a {@code Lock} or {@code ReentrantLock},
 * and closes at the first call of {@code unlock()}; the same rules apply. Whether the lock is a
 * plain {@code ReentrantLock}, whose taking and releasing leave it as they found it when no thread
 * queues on it, and whether the unlock releases the lock that was taken, only the runtime can tell,
 * and it checks both ({@code Calls}); a thread that queues parks and is unparked, which counts as a
 * write there.
 *
 * <p>Inside a section (not on the way back), two kinds of call are allowed. A final getter of an
 * atomic ({@code AtomicBoolean.get}): no override can run instead of it, it writes nothing, and it
 * is a scheduling point of its own that the runtime sees as a read, so that a thread that polls an
 * atomic under a lock is recognised too. And a getter of the method's own class that no override
 * can replace and that only reads by these same rules ({@link ReadOnlyGetters}): the call runs
 * exactly that code.
 *
 * <p>Linkage errors aside (a field that fails to resolve is a broken build, not a schedule), every
 * instruction that may throw is followed into the handlers that cover it.
 */
final class ReadOnlySections {
  /** The getters of the method's class that a section may call. */
  private final ReadOnlyGetters getters;
  /** Per {@code monitorenter}, in code order: whether its section only reads. */
  private BitSet readOnlyEnters = new BitSet();
  /** Per {@code monitorexit}, in code order: whether it loops back to its read-only section. */
  private BitSet loopingExits = new BitSet();
  /** Per call that takes a lock ({@link #isLockAcquire}), in code order: whether it opens one. */
  private BitSet readOnlyAcquires = new BitSet();
  /** Per call of {@code unlock} ({@link #isLockRelease}), in code order: whether it loops. */
  private BitSet loopingReleases = new BitSet();

  /** The owners through which a program takes a {@code java.util.concurrent} lock it may poll. */
  private static final Set<String> LOCK_TYPES = Set.of(
      "java/util/concurrent/locks/Lock", "java/util/concurrent/locks/ReentrantLock");
  /** Atomics whose getters are final, so that a call of one runs that getter and nothing else. */
  private static final Set<String> ATOMICS = Set.of(
      "java/util/concurrent/atomic/AtomicBoolean", "java/util/concurrent/atomic/AtomicInteger",
      "java/util/concurrent/atomic/AtomicLong", "java/util/concurrent/atomic/AtomicReference");
  private static final Set<String> ATOMIC_GETTERS = Set.of(
      "get", "getPlain", "getOpaque", "getAcquire");

  ReadOnlySections(ReadOnlyGetters getters) {
    this.getters = getters;
  }

  boolean readOnlyEnter(int ordinal) {
    return readOnlyEnters.get(ordinal);
  }

  boolean loopingExit(int ordinal) {
    return loopingExits.get(ordinal);
  }

  boolean readOnlyAcquire(int ordinal) {
    return readOnlyAcquires.get(ordinal);
  }

  boolean loopingRelease(int ordinal) {
    return loopingReleases.get(ordinal);
  }

  /** A call of {@code lock()} or {@code tryLock()} on a lock a section may be taken under. */
  static boolean isLockAcquire(AbstractInsnNode insn) {
    return insn instanceof MethodInsnNode call && LOCK_TYPES.contains(call.owner)
        && (call.name.equals("lock") && call.desc.equals("()V")
            || call.name.equals("tryLock") && call.desc.equals("()Z"));
  }

  /** A call of {@code unlock()} on such a lock. */
  static boolean isLockRelease(AbstractInsnNode insn) {
    return insn instanceof MethodInsnNode call && LOCK_TYPES.contains(call.owner)
        && call.name.equals("unlock") && call.desc.equals("()V");
  }

  /**
   * A visitor that takes the whole method, analyzes it, then passes it to {@code next} unchanged,
   * so the rules in {@code next} that consult this see the answers before the instructions.
   */
  MethodVisitor analyzing(MethodVisitor next, String className, int access, String name,
      String descriptor, String signature, String[] exceptions) {
    return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
      @Override
      public void visitEnd() {
        analyze(this, className);
        accept(next);
      }
    };
  }

  /** Analyzes {@code method} of class {@code className}, replacing what was known before. */
  void analyze(MethodNode method, String className) {
    Flow flow = new Flow(method, className);
    readOnlyEnters = new BitSet();
    loopingExits = new BitSet();
    analyze(flow, Section.MONITOR, readOnlyEnters, loopingExits);
    readOnlyAcquires = new BitSet();
    loopingReleases = new BitSet();
    analyze(flow, Section.LOCK, readOnlyAcquires, loopingReleases);
  }

  /** The two kinds of section: how each opens and closes. */
  private enum Section {
    MONITOR, LOCK;

    boolean opens(AbstractInsnNode insn) {
      return this == MONITOR ? insn.getOpcode() == Opcodes.MONITORENTER : isLockAcquire(insn);
    }

    boolean closes(AbstractInsnNode insn) {
      return this == MONITOR ? insn.getOpcode() == Opcodes.MONITOREXIT : isLockRelease(insn);
    }
  }

  /**
   * Finds the sections of one kind that only read, by the ordinal of their openings in code order,
   * and the closes that loop back to them, by the ordinal of the closes.
   */
  private void analyze(Flow flow, Section kind, BitSet readOnlyOpenings,
      BitSet loopingCloses) {
    int openingCount = 0;
    int closeCount = 0;
    int[] ordinals = new int[flow.code.length];
    List<Integer> openings = new ArrayList<>();
    for (int i = 0; i < flow.code.length; i++) {
      if (kind.opens(flow.code[i])) {
        ordinals[i] = openingCount++;
        openings.add(i);
      } else if (kind.closes(flow.code[i])) {
        ordinals[i] = closeCount++;
      }
    }
    if (openings.isEmpty()) return;
    // The opening each close belongs to: -1 for none yet, -2 for more than one.
    int[] sectionOf = new int[flow.code.length];
    Arrays.fill(sectionOf, -1);
    BitSet readOnly = new BitSet();
    for (int opening : openings) {
      BitSet closes = new BitSet();
      if (!onlyReads(flow, kind, opening, closes)) continue;
      readOnly.set(opening);
      for (int c = closes.nextSetBit(0); c >= 0; c = closes.nextSetBit(c + 1)) {
        sectionOf[c] = sectionOf[c] == -1 ? opening : -2;
      }
      readOnlyOpenings.set(ordinals[opening]);
    }
    for (int c = 0; c < flow.code.length; c++) {
      if (sectionOf[c] >= 0 && readOnly.get(sectionOf[c]) && loops(flow, c, sectionOf[c])) {
        loopingCloses.set(ordinals[c]);
      }
    }
  }

  /** Whether no path from {@code opening} to a close writes; the closes go in {@code closes}. */
  private boolean onlyReads(Flow flow, Section kind, int opening, BitSet closes) {
    int first = flow.entered(opening);
    if (first < 0) return false;
    BitSet seen = new BitSet();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(first);
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (i >= flow.code.length) return false; // fell off the end: not javac's code
      if (seen.get(i)) continue;
      seen.set(i);
      AbstractInsnNode insn = flow.code[i];
      if (kind.closes(insn)) {
        closes.set(i);
      } else if (!(readsOnly(insn) || isAllowedCall(insn, flow.className)) || flow.mayLeave(i)) {
        return false;
      } else {
        flow.addSuccessors(i, todo);
      }
    }
    return true;
  }

  /** A call allowed inside a section: see the class comment. */
  private boolean isAllowedCall(AbstractInsnNode insn, String className) {
    if (!(insn instanceof MethodInsnNode call)) return false;
    boolean atomicGetter = insn.getOpcode() == Opcodes.INVOKEVIRTUAL
        && ATOMICS.contains(call.owner) && ATOMIC_GETTERS.contains(call.name)
        && call.desc.startsWith("()");
    return atomicGetter || getters != null && getters.isGetter(call, className);
  }

  /** Whether every path from exit {@code close} goes back to {@code opening}, writing nothing. */
  private static boolean loops(Flow flow, int close, int opening) {
    BitSet seen = new BitSet();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(close + 1);
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (i == opening) continue;
      if (i >= flow.code.length) return false;
      if (seen.get(i)) continue;
      seen.set(i);
      if (!readsOnly(flow.code[i]) || flow.mayLeave(i)) return false;
      flow.addSuccessors(i, todo);
    }
    return true;
  }

  /**
   * Whether {@code insn} changes nothing another thread can see and stays in this method's code:
   * loads, stores into locals, arithmetic, comparisons and jumps (an allocation does not publish
   * anything, but it needs a constructor call, and an array one a store to be of use).
   */
  static boolean readsOnly(AbstractInsnNode insn) {
    int op = insn.getOpcode();
    if (op < 0) return true; // labels, line numbers, frames
    if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) return false;
    if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) return false;
    if (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC) return false;
    switch (op) {
      case Opcodes.PUTFIELD: case Opcodes.PUTSTATIC: case Opcodes.NEW: case Opcodes.NEWARRAY:
      case Opcodes.ANEWARRAY: case Opcodes.MULTIANEWARRAY: case Opcodes.ATHROW:
      case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.JSR: case Opcodes.RET:
        return false;
      default:
        return true;
    }
  }

  /** The control flow of one method: each instruction's successors, thrown exceptions included. */
  private static final class Flow {
    final AbstractInsnNode[] code;
    private final MethodNode method;
    final String className;
    private final boolean thisIsFixed;

    Flow(MethodNode method, String className) {
      this.method = method;
      this.className = className;
      this.code = method.instructions.toArray();
      this.thisIsFixed = (method.access & Opcodes.ACC_STATIC) == 0 && !storesLocal0(code);
    }

    /**
     * Where the section that {@code opening} opens begins: right after it, since an opening that
     * throws opened nothing; after a {@code tryLock()}, on the branch where it returned true, which
     * must be the jump that follows it (-1 when it is not).
     */
    int entered(int opening) {
      if (!(code[opening] instanceof MethodInsnNode call) || call.name.equals("lock")) {
        return opening + 1;
      }
      int j = opening + 1;
      while (j < code.length && code[j].getOpcode() < 0) j++;
      if (j == code.length) return -1;
      if (code[j].getOpcode() == Opcodes.IFEQ) return j + 1;
      if (code[j].getOpcode() == Opcodes.IFNE) return index(((JumpInsnNode) code[j]).label);
      return -1;
    }

    void addSuccessors(int i, Deque<Integer> todo) {
      AbstractInsnNode insn = code[i];
      int op = insn.getOpcode();
      if (insn instanceof JumpInsnNode jump) {
        todo.push(index(jump.label));
        if (op == Opcodes.GOTO) return;
      } else if (insn instanceof TableSwitchInsnNode s) {
        todo.push(index(s.dflt));
        s.labels.forEach(l -> todo.push(index(l)));
        return;
      } else if (insn instanceof LookupSwitchInsnNode s) {
        todo.push(index(s.dflt));
        s.labels.forEach(l -> todo.push(index(l)));
        return;
      }
      todo.push(i + 1);
      if (mayThrow(i)) {
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
          if (covers(handler, i)) todo.push(index(handler.handler));
        }
      }
    }

    /** Whether instruction {@code i} may throw out of the method. */
    boolean mayLeave(int i) {
      if (!mayThrow(i)) return false;
      for (TryCatchBlockNode handler : method.tryCatchBlocks) {
        boolean catchesAll = handler.type == null || handler.type.equals("java/lang/Throwable");
        if (catchesAll && covers(handler, i)) return false;
      }
      return true;
    }

    private boolean covers(TryCatchBlockNode handler, int i) {
      return index(handler.start) <= i && i < index(handler.end);
    }

    private int index(AbstractInsnNode label) {
      return method.instructions.indexOf(label);
    }

    /** Whether instruction {@code i}, one that a section may hold, may throw. */
    private boolean mayThrow(int i) {
      AbstractInsnNode insn = code[i];
      switch (insn.getOpcode()) {
        case Opcodes.GETFIELD:
          return !(thisIsFixed && previous(i) instanceof VarInsnNode v
              && v.getOpcode() == Opcodes.ALOAD && v.var == 0);
        case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
        case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
        case Opcodes.ARRAYLENGTH: case Opcodes.CHECKCAST: case Opcodes.IDIV: case Opcodes.IREM:
        case Opcodes.LDIV: case Opcodes.LREM: case Opcodes.INVOKEVIRTUAL:
        case Opcodes.INVOKESPECIAL: case Opcodes.INVOKESTATIC:
          return true;
        case Opcodes.GETSTATIC:
          // Another class's initializer may fail; this class's has run, or runs in this thread.
          return !((FieldInsnNode) insn).owner.equals(className);
        case Opcodes.LDC:
          Object value = ((LdcInsnNode) insn).cst;
          return !(value instanceof Number || value instanceof String
              || value instanceof Type t && t.getSort() != Type.METHOD);
        default:
          return false;
      }
    }

    /** The instruction just before {@code i}, the only way into it; null if a label is between. */
    private AbstractInsnNode previous(int i) {
      for (int j = i - 1; j >= 0; j--) {
        AbstractInsnNode insn = code[j];
        if (insn instanceof LineNumberNode || insn instanceof FrameNode) continue;
        return insn.getOpcode() < 0 ? null : insn;
      }
      return null;
    }

    private static boolean storesLocal0(AbstractInsnNode[] code) {
      for (AbstractInsnNode insn : code) {
        boolean stores = insn instanceof VarInsnNode v && v.var == 0
            && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE;
        if (stores || insn instanceof IincInsnNode inc && inc.var == 0) {
          return true;
        }
      }
      return false;
    }
  }
}
