package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * With race detection on: reads and writes of array elements, a hook call before each with the
 * array and the index. The hook tolerates a null array and an index out of range; the access itself
 * then throws as it always did.
 *
 * <pre>
 *   array; index; xaload          =>  array; index; dup2; site; elementRead; xaload
 *   array; index; value; xastore  =>  array; index; value; [copy of array, index]; site;
 *                                     elementWrite; xastore
 * </pre>
 *
 * Not in a static initializer, for the reason {@link FieldAccessRule} gives.
 */
final class ArrayElementRule extends HookMethodVisitor {
  private static final String DESCRIPTOR = "(" + OBJECT + "II)V";
  private static final String DETAIL = "array element";

  ArrayElementRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitInsn(int opcode) {
    if (methodName.equals("<clinit>")) {
      super.visitInsn(opcode);
      return;
    }
    if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
      super.visitInsn(Opcodes.DUP2);
      invokeHookWithSite("elementRead", DESCRIPTOR, DETAIL);
    } else if (opcode == Opcodes.LASTORE || opcode == Opcodes.DASTORE) {
      super.visitInsn(Opcodes.DUP2_X2); // value, array, index, value
      super.visitInsn(Opcodes.POP2); // value, array, index
      super.visitInsn(Opcodes.DUP2_X2); // array, index, value, array, index
      invokeHookWithSite("elementWrite", DESCRIPTOR, DETAIL);
    } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
      super.visitInsn(Opcodes.DUP_X2); // value, array, index, value
      super.visitInsn(Opcodes.POP); // value, array, index
      super.visitInsn(Opcodes.DUP2_X1); // array, index, value, array, index
      invokeHookWithSite("elementWrite", DESCRIPTOR, DETAIL);
    }
    super.visitInsn(opcode);
  }
}
