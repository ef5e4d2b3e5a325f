package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls that read an identity hash code or a random number, in application code and in the JDK's
 * hash tables: replaced by hooks that give objects a controlled thread allocated the hash code
 * Weft chose for them, and controlled threads the same random numbers on every run.
 *
 * <pre>
 *   x.hashCode()               =>  DeterminismHooks.hashCode(x)          (the real one when overridden)
 *   System.identityHashCode(x) =>  DeterminismHooks.identityHashCode(x)
 *   Math.random()              =>  DeterminismHooks.mathRandom()         (also StrictMath)
 * </pre>
 */
final class HashCallRule extends HookMethodVisitor {
  HashCallRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    boolean virtualHash = (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE)
        && name.equals("hashCode") && descriptor.equals("()I") && !owner.startsWith("[");
    boolean staticCall = opcode == Opcodes.INVOKESTATIC;
    if (virtualHash) {
      invokeHook("hashCode", "(Ljava/lang/Object;)I");
    } else if (staticCall && owner.equals("java/lang/System") && name.equals("identityHashCode")) {
      invokeHook("identityHashCode", "(Ljava/lang/Object;)I");
    } else if (staticCall && name.equals("random")
        && (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath"))) {
      invokeHook("mathRandom", "()D");
    } else {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
  }
}
