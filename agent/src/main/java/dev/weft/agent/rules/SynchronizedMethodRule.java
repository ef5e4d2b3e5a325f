package dev.weft.agent.rules;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns a {@code synchronized} method into a plain one whose body holds the same monitor in
 * explicit {@code monitorenter}/{@code monitorexit}, which {@link MonitorRule}, next in the chain,
 * then gives their hooks. The JVM takes a synchronized method's monitor before the first
 * instruction, where no hook can run first.
 *
 * <pre>
 *   lock; monitorenter                       lock = this, or the class literal if static
 *   [start_0] body up to a return [end_0]
 *   lock; monitorexit; xreturn               before every return
 *   [start_1] ... [end_n]
 *   handler: lock; monitorexit; athrow       catches anything in [start_i, end_i)
 * </pre>
 *
 * The ranges leave out the exit sequences, so the handler never releases twice. Its stack map frame
 * holds only the lock's local, which the verifier can check over the whole body.
 *
 * <p>Left synchronized (and the class reported as partially controlled): methods of a class being
 * retransformed (modifiers cannot change then), native methods, and instance methods that store
 * into local 0, where {@code this} would no longer be found.
 */
final class SynchronizedMethodRule extends ClassVisitor {
  private final RuleContext context;
  private int version;

  SynchronizedMethodRule(ClassVisitor next, RuleContext context) {
    super(Opcodes.ASM9, next);
    this.context = context;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    this.version = version;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    if ((access & Opcodes.ACC_SYNCHRONIZED) == 0) {
      return super.visitMethod(access, name, descriptor, signature, exceptions);
    }
    if (context.retransform() || (access & Opcodes.ACC_NATIVE) != 0) {
      context.markPartiallyControlled();
      return super.visitMethod(access, name, descriptor, signature, exceptions);
    }
    return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
      @Override
      public void visitEnd() {
        if (canUnwrap(this)) {
          unwrap(this);
        } else {
          context.markPartiallyControlled();
        }
        accept(cv);
      }
    };
  }

  private boolean canUnwrap(MethodNode method) {
    if ((method.access & Opcodes.ACC_STATIC) != 0) {
      return version >= Opcodes.V1_5; // ldc of a class literal
    }
    for (AbstractInsnNode insn : method.instructions) {
      boolean storesLocal0 =
          insn instanceof VarInsnNode v
                  && v.var == 0
                  && v.getOpcode() >= Opcodes.ISTORE
                  && v.getOpcode() <= Opcodes.ASTORE
              || insn instanceof IincInsnNode i && i.var == 0;
      if (storesLocal0) return false;
    }
    return true;
  }

  private void unwrap(MethodNode method) {
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    method.access &= ~Opcodes.ACC_SYNCHRONIZED;
    InsnList code = method.instructions;
    int firstLine = firstLine(code);
    LabelNode handler = new LabelNode();
    LabelNode start = new LabelNode();

    InsnList entry = new InsnList();
    addLine(entry, firstLine);
    entry.add(lock(isStatic));
    entry.add(new InsnNode(Opcodes.MONITORENTER));
    entry.add(start);
    code.insert(entry);

    for (AbstractInsnNode insn : code.toArray()) {
      int opcode = insn.getOpcode();
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        LabelNode end = new LabelNode();
        InsnList exit = new InsnList();
        exit.add(end);
        exit.add(lock(isStatic));
        exit.add(new InsnNode(Opcodes.MONITOREXIT));
        code.insertBefore(insn, exit);
        addRange(method, start, end, handler);
        start = new LabelNode();
        code.insert(insn, start);
      }
    }

    code.add(handler);
    addRange(method, start, handler, handler);
    addLine(code, firstLine);
    if (version >= Opcodes.V1_6) {
      Object[] locals = isStatic ? new Object[0] : new Object[] {context.className()};
      Object[] stack = {"java/lang/Throwable"};
      code.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1, stack));
    }
    code.add(lock(isStatic));
    code.add(new InsnNode(Opcodes.MONITOREXIT));
    code.add(new InsnNode(Opcodes.ATHROW));
  }

  private AbstractInsnNode lock(boolean isStatic) {
    return isStatic
        ? new LdcInsnNode(Type.getObjectType(context.className()))
        : new VarInsnNode(Opcodes.ALOAD, 0);
  }

  /** Covers [start, end) by the handler unless no instruction lies between them. */
  private static void addRange(
      MethodNode method, LabelNode start, LabelNode end, LabelNode handler) {
    for (AbstractInsnNode insn = start.getNext(); insn != end; insn = insn.getNext()) {
      if (insn.getOpcode() >= 0) {
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        return;
      }
    }
  }

  private static int firstLine(InsnList code) {
    for (AbstractInsnNode insn : code) {
      if (insn instanceof LineNumberNode line) return line.line;
    }
    return -1;
  }

  /** Gives the code that follows the method's first line, so its hook sites name that line. */
  private static void addLine(InsnList code, int line) {
    if (line < 0) return;
    LabelNode label = new LabelNode();
    code.add(label);
    code.add(new LineNumberNode(line, label));
  }
}
