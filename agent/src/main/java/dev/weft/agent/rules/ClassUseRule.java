package dev.weft.agent.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Before each instruction that initializes its class when that is not done yet ({@code new}, {@code
 * getstatic}, {@code putstatic}, {@code invokestatic}; JVMS 5.5): {@code classUsed(C.class, site)},
 * so that a thread about to wait for another thread's static initializer waits in the scheduler's
 * model, not inside the JVM while it holds the turn. Only where {@code C} or a supertype has a
 * static initializer the agent wraps ({@link ClassInitializerRule}); never for the class's own
 * members inside its own initializer, which the thread running it uses freely. The class literal is
 * loaded with {@code ldc}, which loads the class but does not initialize it.
 *
 * <p>A stack map frame names an object that {@code new} created and its constructor has not yet
 * initialized by the offset of that {@code new} (JVMS 4.7.4), which ASM gives as the label placed
 * there: such frames appear where a branch sits between {@code new} and the constructor call, as in
 * {@code new Cache(weak ? WEAK : SOFT)}. The hook goes after that label, which jumps still target,
 * so the {@code new} gets a label of its own after the hook, and the frames name that one instead.
 *
 * <p>A method reference to a static method or a constructor of such a class ({@code Config::value},
 * {@code Config::new}) is called by the JVM from a hidden class that no agent can rewrite, whose
 * {@code invokestatic} or {@code new} would initialize the class unseen: it is pointed at a static
 * bridge in the referring class instead ({@link MethodRefBridges}), whose instruction this rule
 * then sees like any other. Not a reference to the referring class's own members: calling the
 * bridge, a static method of that class, would initialize it first.
 */
final class ClassUseRule extends HookMethodVisitor {
  /** The labels visited since the last instruction: those at the next instruction's offset. */
  private final List<Label> atNextInstruction = new ArrayList<>();
  /** Labels that marked a {@code new} before its hook, to the label that marks it now. */
  private final Map<Label, Label> movedNews = new IdentityHashMap<>();

  ClassUseRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitLabel(Label label) {
    atNextInstruction.add(label);
    super.visitLabel(label);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    super.visitFrame(type, numLocal, renamed(local, numLocal), numStack, renamed(stack, numStack));
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    if (opcode == Opcodes.NEW && used(type)) {
      Label moved = new Label();
      for (Label label : atNextInstruction) movedNews.put(label, moved);
      super.visitLabel(moved);
    }
    atNextInstruction.clear();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) used(owner);
    atNextInstruction.clear();
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKESTATIC && !HookOwners.isHookClass(owner)) used(owner);
    atNextInstruction.clear();
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  // Every other instruction only ends the run of labels before it.

  @Override
  public void visitInsn(int opcode) {
    atNextInstruction.clear();
    super.visitInsn(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    atNextInstruction.clear();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    atNextInstruction.clear();
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    atNextInstruction.clear();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
        bridged(bootstrapMethodHandle, bootstrapMethodArguments));
  }

  /** The metafactory's arguments, with a reference that initializes a class pointed at a bridge. */
  private Object[] bridged(Handle bootstrap, Object[] arguments) {
    MethodRefBridges bridges = context.methodRefBridges();
    if (bridges == null || !MethodRefBridges.isLambda(bootstrap)
        || !(arguments[1] instanceof Handle target) || !MethodRefBridges.initializes(target)
        || target.getOwner().equals(context.className()) || !context.hasClassLiterals()
        || !context.types().mayRunStaticInitializer(target.getOwner())) {
      return arguments;
    }
    Object[] pointed = arguments.clone();
    pointed[1] = bridges.bridgeFor(target, line());
    context.markChanged();
    return pointed;
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    atNextInstruction.clear();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    atNextInstruction.clear();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    atNextInstruction.clear();
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    atNextInstruction.clear();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    atNextInstruction.clear();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    atNextInstruction.clear();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }

  /** Whether a hook went in: {@code type} may run an initializer, and not the running one. */
  private boolean used(String type) {
    boolean ownInitializer = methodName.equals("<clinit>") && type.equals(context.className());
    if (ownInitializer || !context.hasClassLiterals()
        || !context.types().mayRunStaticInitializer(type)) {
      return false;
    }
    super.visitLdcInsn(Type.getObjectType(type));
    invokeHookWithSite("classUsed", "(Ljava/lang/Class;I)V", null);
    return true;
  }

  /** {@code types} with each moved {@code new}'s label replaced by its own; null stays null. */
  private Object[] renamed(Object[] types, int count) {
    if (types == null || movedNews.isEmpty()) return types;
    Object[] copy = null;
    for (int i = 0; i < count; i++) {
      Label moved = types[i] instanceof Label label ? movedNews.get(label) : null;
      if (moved == null) continue;
      if (copy == null) copy = types.clone();
      copy[i] = moved;
    }
    return copy == null ? types : copy;
  }
}
