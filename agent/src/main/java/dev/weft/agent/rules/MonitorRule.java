package dev.weft.agent.rules;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code monitorenter} and {@code monitorexit}. The real monitor is still taken and released: the
 * scheduler only decides when a thread may try to take it, so a thread it does not control stays
 * correct.
 *
 * <pre>
 *   lock; monitorenter            =>  lock; dup; site; monitorEnter(Object,int); monitorenter
 *   aload n; monitorexit; [label]  =>  aload n; monitorexit; [label]; aload n; site; monitorExit
 *   other; monitorexit            =>  other; dup; site; monitorExit(Object,int); monitorexit
 * </pre>
 *
 * Where the exit hook goes matters to the JIT. javac protects a synchronized block with a catch-all
 * handler that covers itself, and HotSpot's C1 refuses to compile a method in which such a handler
 * contains a call; a call after the exit but still inside the protected range unbalances the JIT's
 * monitor matching. Either way the whole method would run interpreted. So the exit hook goes right
 * before the next instruction, past the labels that end the protected ranges, reloading the lock
 * from the local javac took it from. An exit is not a scheduling point, so nothing can happen in
 * between. For other code shapes the hook runs just before the real exit. It never throws.
 *
 * <p>The enter of a section that only reads calls {@code monitorEnterToRead} instead, and an exit
 * from which the code goes straight back to that enter {@code monitorExitToReadAgain}, so the
 * runtime can tell a thread that polls under a lock from one that makes progress ({@link
 * ReadOnlySections}).
 */
final class MonitorRule extends HookMethodVisitor {
  private static final String DESCRIPTOR = "(" + OBJECT + "I)V";

  /** The local the previous instruction loaded, or -1 when it was something else. */
  private int justLoaded = -1;
  /** A local holding a monitor just exited, whose hook is still to come; -1 for none. */
  private int exitedLock = -1;
  /** The hook of that exit. */
  private String pendingExitHook;
  /** What the method's sections do, or null when not known (JDK code). */
  private final ReadOnlySections sections;
  /** How many {@code monitorenter} and {@code monitorexit} came before, in code order. */
  private int enters;
  private int exits;

  /** The hooks a section that may write calls ({@code structureMonitorEnter}, say). */
  private final String enterHook;
  private final String exitHook;

  MonitorRule(MethodVisitor next, RuleContext context, String methodName,
      ReadOnlySections sections) {
    this(next, context, methodName, sections, "monitorEnter", "monitorExit");
  }

  /** With other hooks of the same shapes, and no read-only sections. */
  MonitorRule(MethodVisitor next, RuleContext context, String methodName, String enterHook,
      String exitHook) {
    this(next, context, methodName, null, enterHook, exitHook);
  }

  private MonitorRule(MethodVisitor next, RuleContext context, String methodName,
      ReadOnlySections sections, String enterHook, String exitHook) {
    super(next, context, methodName);
    this.sections = sections;
    this.enterHook = enterHook;
    this.exitHook = exitHook;
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.MONITORENTER) {
      beforeInstruction(-1);
      super.visitInsn(Opcodes.DUP);
      boolean readOnly = sections != null && sections.readOnlyEnter(enters);
      enters++;
      invokeHookWithSite(readOnly ? "monitorEnterToRead" : enterHook, DESCRIPTOR, null);
      super.visitInsn(opcode);
    } else if (opcode == Opcodes.MONITOREXIT) {
      int lock = justLoaded;
      beforeInstruction(-1);
      boolean looping = sections != null && sections.loopingExit(exits);
      exits++;
      String hook = looping ? "monitorExitToReadAgain" : exitHook;
      if (lock < 0) {
        super.visitInsn(Opcodes.DUP);
        invokeHookWithSite(hook, DESCRIPTOR, null);
      }
      super.visitInsn(opcode);
      exitedLock = lock;
      pendingExitHook = hook;
    } else {
      beforeInstruction(-1);
      super.visitInsn(opcode);
    }
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    beforeInstruction(opcode == Opcodes.ALOAD ? var : -1);
    super.visitVarInsn(opcode, var);
  }

  /** Emits a pending exit hook, and notes whether the coming instruction loads a local. */
  private void beforeInstruction(int loadsLocal) {
    if (exitedLock >= 0) {
      int lock = exitedLock;
      exitedLock = -1;
      super.visitVarInsn(Opcodes.ALOAD, lock);
      invokeHookWithSite(pendingExitHook, DESCRIPTOR, null);
    }
    justLoaded = loadsLocal;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    beforeInstruction(-1);
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    beforeInstruction(-1);
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... arguments) {
    beforeInstruction(-1);
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    beforeInstruction(-1);
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    beforeInstruction(-1);
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    beforeInstruction(-1);
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitLdcInsn(Object value) {
    beforeInstruction(-1);
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    beforeInstruction(-1);
    super.visitIincInsn(var, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    beforeInstruction(-1);
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    beforeInstruction(-1);
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    beforeInstruction(-1);
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }
}
