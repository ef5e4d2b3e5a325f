package dev.weft.agent.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
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
 * into a field or an array element, calls a method, allocates, enters or exits a monitor, returns,
 * throws, or may throw where no handler of the method catches everything. Its enter and exit then
 * change nothing but the monitor, which they leave as they found it, and which no program can
 * poll. (A {@code java.util.concurrent} lock is left out: its state is what {@code tryLock} and
 * {@code isLocked} of other threads poll, and its handover parks and unparks threads.)
 *
 * <p>A close of such a section <em>loops</em> when every path from it goes straight back to that
 * section's opening under the same rules: a thread that takes it writes nothing at all before it
 * opens the section again. Only then is the next opening a poll, since a thread's exit publishes
 * whatever it wrote before: the runtime counts an opening that does not follow a looping close as a
 * write ({@code SpinDetector}). That the close and the next opening act on the same object, which
 * the bytecode cannot tell, the runtime checks.
 *
 * <p>Linkage errors aside (a field that fails to resolve is a broken build, not a schedule), every
 * instruction that may throw is followed into the handlers that cover it.
 */
final class ReadOnlySections {
  /** Per {@code monitorenter}, in code order: whether its section only reads. */
  private BitSet readOnlyEnters = new BitSet();
  /** Per {@code monitorexit}, in code order: whether it loops back to its read-only section. */
  private BitSet loopingExits = new BitSet();

  boolean readOnlyEnter(int ordinal) {
    return readOnlyEnters.get(ordinal);
  }

  boolean loopingExit(int ordinal) {
    return loopingExits.get(ordinal);
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
    readOnlyEnters = new BitSet();
    loopingExits = new BitSet();
    Flow flow = new Flow(method, className);
    int enters = 0;
    int exits = 0;
    int[] ordinals = new int[flow.code.length];
    List<Integer> openings = new ArrayList<>();
    for (int i = 0; i < flow.code.length; i++) {
      int op = flow.code[i].getOpcode();
      if (op == Opcodes.MONITORENTER) {
        ordinals[i] = enters++;
        openings.add(i);
      } else if (op == Opcodes.MONITOREXIT) {
        ordinals[i] = exits++;
      }
    }
    if (openings.isEmpty()) return;
    // The opening each close belongs to: -1 for none yet, -2 for more than one.
    int[] sectionOf = new int[flow.code.length];
    Arrays.fill(sectionOf, -1);
    BitSet readOnly = new BitSet();
    for (int opening : openings) {
      BitSet closes = new BitSet();
      if (!onlyReads(flow, opening, closes)) continue;
      readOnly.set(opening);
      for (int c = closes.nextSetBit(0); c >= 0; c = closes.nextSetBit(c + 1)) {
        sectionOf[c] = sectionOf[c] == -1 ? opening : -2;
      }
      readOnlyEnters.set(ordinals[opening]);
    }
    for (int c = 0; c < flow.code.length; c++) {
      if (sectionOf[c] >= 0 && readOnly.get(sectionOf[c]) && loops(flow, c, sectionOf[c])) {
        loopingExits.set(ordinals[c]);
      }
    }
  }

  /** Whether no path from {@code opening} to an exit writes; the exits go in {@code closes}. */
  private static boolean onlyReads(Flow flow, int opening, BitSet closes) {
    BitSet seen = new BitSet();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(opening + 1); // an opening that throws opened nothing
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (i >= flow.code.length) return false; // fell off the end: not javac's code
      if (seen.get(i)) continue;
      seen.set(i);
      AbstractInsnNode insn = flow.code[i];
      if (insn.getOpcode() == Opcodes.MONITOREXIT) {
        closes.set(i);
      } else if (!readsOnly(insn) || flow.mayLeave(i)) {
        return false;
      } else {
        flow.addSuccessors(i, todo);
      }
    }
    return true;
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
  private static boolean readsOnly(AbstractInsnNode insn) {
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
    private final String className;
    private final boolean thisIsFixed;

    Flow(MethodNode method, String className) {
      this.method = method;
      this.className = className;
      this.code = method.instructions.toArray();
      this.thisIsFixed = (method.access & Opcodes.ACC_STATIC) == 0 && !storesLocal0(code);
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

    /** Whether instruction {@code i}, one that {@link #readsOnly} allows, may throw. */
    private boolean mayThrow(int i) {
      AbstractInsnNode insn = code[i];
      switch (insn.getOpcode()) {
        case Opcodes.GETFIELD:
          return !(thisIsFixed && previous(i) instanceof VarInsnNode v
              && v.getOpcode() == Opcodes.ALOAD && v.var == 0);
        case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
        case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
        case Opcodes.ARRAYLENGTH: case Opcodes.CHECKCAST: case Opcodes.IDIV: case Opcodes.IREM:
        case Opcodes.LDIV: case Opcodes.LREM:
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
