package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads and writes of volatile fields, and with race detection on, of plain (non-final) fields: a
 * hook call before the access, with the object that holds the field (null for a static field).
 * Whether a field is volatile or final is known only from its declaring class, found by field
 * resolution over class files.
 *
 * <pre>
 *   obj; getfield          =>  obj; dup; site; volatileRead; getfield
 *   obj; value; putfield   =>  obj; value; [copy of obj above value]; site; volatileWrite; putfield
 *   getstatic / putstatic  =>  aconst_null; site; volatileRead / volatileWrite; the access
 *   plain fields alike, with plainRead / plainWrite
 * </pre>
 *
 * In a constructor, writes to this class's fields before {@code super(...)} have no hook: the
 * receiver is still uninitialized, cannot be passed as an {@code Object}, and is not shared yet.
 * Plain accesses in a static initializer have none either: the JVM's class initialization lock
 * orders them before any other thread's use of the class.
 *
 * <p>A volatile site's detail is {@code Counter.value}, as traces show it; a plain one's is the
 * full name, {@code com.acme.Counter.value}, the one a benign race is declared by.
 */
final class FieldAccessRule extends HookMethodVisitor {
  private static final String DESCRIPTOR = "(" + OBJECT + "I)V";

  /** True in a constructor until {@code this} is initialized by its super or this call. */
  private boolean thisUninitialized;

  /** Objects created by NEW and not yet initialized, so their {@code <init>} is not ours. */
  private int pendingNews;

  FieldAccessRule(MethodVisitor next, RuleContext context, String methodName) {
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
    String kind = field == null ? null : kindOf(field.access());
    if (kind != null
        && !(thisUninitialized
            && opcode == Opcodes.PUTFIELD
            && owner.equals(context.className()))) {
      String declaring = field.declaringClass();
      String detail = kind.equals("volatile")
          ? declaring.substring(declaring.lastIndexOf('/') + 1) + "." + name
          : declaring.replace('/', '.') + "." + name;
      switch (opcode) {
        case Opcodes.GETFIELD -> super.visitInsn(Opcodes.DUP);
        case Opcodes.PUTFIELD -> copyOwnerAboveValue(descriptor);
        default -> super.visitInsn(Opcodes.ACONST_NULL);
      }
      boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
      invokeHookWithSite(kind + (read ? "Read" : "Write"), DESCRIPTOR, detail);
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  /** "volatile" or "plain", the hooks' prefix; null for an access that gets no hook. */
  private String kindOf(int access) {
    if ((access & Opcodes.ACC_VOLATILE) != 0) return "volatile";
    boolean plain = context.races() && (access & Opcodes.ACC_FINAL) == 0
        && !methodName.equals("<clinit>");
    return plain ? "plain" : null;
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
