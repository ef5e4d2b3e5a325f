package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads and writes of volatile fields: a hook call before the access, with the object that holds
 * the field (null for a static field). Whether a field is volatile is known only from its declaring
 * class, found by field resolution over class files.
 *
 * <pre>
 *   obj; getfield          =>  obj; dup; site; volatileRead; getfield
 *   obj; value; putfield   =>  obj; value; [copy of obj above value]; site; volatileWrite; putfield
 *   getstatic / putstatic  =>  aconst_null; site; volatileRead / volatileWrite; the access
 * </pre>
 *
 * In a constructor, writes to this class's fields before {@code super(...)} have no hook: the
 * receiver is still uninitialized, cannot be passed as an {@code Object}, and is not shared yet.
 */
final class VolatileFieldRule extends HookMethodVisitor {
  private static final String DESCRIPTOR = "(" + OBJECT + "I)V";

  /** True in a constructor until {@code this} is initialized by its super or this call. */
  private boolean thisUninitialized;

  /** Objects created by NEW and not yet initialized, so their {@code <init>} is not ours. */
  private int pendingNews;

  VolatileFieldRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
    thisUninitialized = methodName.equals("<init>");
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    if (opcode == Opcodes.NEW) pendingNews++;
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
      if (pendingNews > 0) {
        pendingNews--;
      } else {
        thisUninitialized = false;
      }
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    TypeInfo.ResolvedField field = context.types().resolveField(owner, name, descriptor);
    if (field != null
        && (field.access() & Opcodes.ACC_VOLATILE) != 0
        && !(thisUninitialized
            && opcode == Opcodes.PUTFIELD
            && owner.equals(context.className()))) {
      String declaring = field.declaringClass();
      String detail = declaring.substring(declaring.lastIndexOf('/') + 1) + "." + name;
      switch (opcode) {
        case Opcodes.GETFIELD -> super.visitInsn(Opcodes.DUP);
        case Opcodes.PUTFIELD -> copyOwnerAboveValue(descriptor);
        default -> super.visitInsn(Opcodes.ACONST_NULL);
      }
      boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
      invokeHookWithSite(read ? "volatileRead" : "volatileWrite", DESCRIPTOR, detail);
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  /** [owner, value] to [owner, value, owner], for a one- or two-slot value. */
  private void copyOwnerAboveValue(String descriptor) {
    if (descriptor.equals("J") || descriptor.equals("D")) {
      super.visitInsn(Opcodes.DUP2_X1); // value, owner, value
      super.visitInsn(Opcodes.POP2); // value, owner
      super.visitInsn(Opcodes.DUP_X2); // owner, value, owner
    } else {
      super.visitInsn(Opcodes.DUP2); // owner, value, owner, value
      super.visitInsn(Opcodes.POP); // owner, value, owner
    }
  }
}
