package dev.weft.agent.rules;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Wraps the static initializer of an application class, so that the scheduler knows which thread
 * runs which initializer: the JVM's class-initialization lock (JVMS 5.5), which another thread that
 * uses the class waits for.
 *
 * <pre>
 *   ldc C; classInitStarted
 *   [start] body, with "ldc C; classInitEnded" before every return [end]
 *   handler: ldc C; classInitEnded; athrow       catches anything in [start, end), listed last
 * </pre>
 *
 * The handler comes last in the exception table, so the initializer's own handlers still catch
 * first. An initializer that only computes its own class's static fields (javac's assertion flag,
 * constant tables) is left alone: no other thread can run while it does, and whichever thread runs
 * it, the result is the same. Last in the chain of class visitors: the hooks the call-site rules add are already in the
 * body it wraps. Class files older than Java 5 cannot load a class literal and are left alone.
 */
final class ClassInitializerRule extends ClassVisitor {
  private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Class;)V";

  private final RuleContext context;
  private int version;

  ClassInitializerRule(ClassVisitor next, RuleContext context) {
    super(Opcodes.ASM9, next);
    this.context = context;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    this.version = version;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    if (!name.equals("<clinit>") || !RuleContext.hasClassLiterals(version)) {
      return super.visitMethod(access, name, descriptor, signature, exceptions);
    }
    return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
      @Override
      public void visitEnd() {
        if (!isSelfContained(this)) wrap(this);
        accept(cv);
      }
    };
  }

  /**
   * Whether the initializer touches nothing but its own class's static fields and arrays it makes:
   * no call (but javac's {@code desiredAssertionStatus}), no object, no other class, no monitor.
   */
  private boolean isSelfContained(MethodNode method) {
    for (AbstractInsnNode insn : method.instructions) {
      boolean selfContained = switch (insn.getType()) {
        case AbstractInsnNode.METHOD_INSN -> {
          MethodInsnNode call = (MethodInsnNode) insn;
          yield call.owner.equals("java/lang/Class") && call.name.equals("desiredAssertionStatus");
        }
        case AbstractInsnNode.FIELD_INSN -> ((FieldInsnNode) insn).owner.equals(context.className());
        case AbstractInsnNode.TYPE_INSN -> insn.getOpcode() != Opcodes.NEW;
        case AbstractInsnNode.INVOKE_DYNAMIC_INSN, AbstractInsnNode.MULTIANEWARRAY_INSN -> false;
        default -> insn.getOpcode() != Opcodes.MONITORENTER;
      };
      if (!selfContained) return false;
    }
    return true;
  }

  private void wrap(MethodNode method) {
    InsnList code = method.instructions;
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode handler = new LabelNode();
    InsnList entry = hook("classInitStarted");
    entry.add(start);
    code.insert(entry);
    for (AbstractInsnNode insn : code.toArray()) {
      if (insn.getOpcode() == Opcodes.RETURN) code.insertBefore(insn, hook("classInitEnded"));
    }
    code.add(end);
    code.add(handler);
    if (version >= Opcodes.V1_6) {
      code.add(new FrameNode(
          Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"}));
    }
    code.add(hook("classInitEnded"));
    code.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    context.markChanged();
  }

  /** {@code ldc C; invokestatic WeftHooks.hook(Class)}. */
  private InsnList hook(String name) {
    InsnList call = new InsnList();
    call.add(new LdcInsnNode(Type.getObjectType(context.className())));
    call.add(new MethodInsnNode(
        Opcodes.INVOKESTATIC, HookOwners.of(name), name, HOOK_DESCRIPTOR, false));
    return call;
  }
}
