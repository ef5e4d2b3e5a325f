package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * An instance {@code synchronized} method of a JDK class whose monitor Weft models ({@code
 * Vector.add}): hooks that keep the model in step with the monitor the JVM takes and releases.
 * The class is rewritten by retransformation, so the flag stays (unlike {@link
 * SynchronizedMethodRule}); only code is added.
 *
 * <pre>
 *   this; enteredSynchronized     first, once the JVM holds the monitor
 *   this; exitingSynchronized     before every return, and before it throws
 * </pre>
 */
final class SynchronizedMethodHooks extends AroundMethod {
  private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;)V";

  SynchronizedMethodHooks(MethodVisitor next, RuleContext context, int access, String name,
      String descriptor, String signature, String[] exceptions) {
    super(next, context, access, name, descriptor, signature, exceptions);
  }

  /** Whether a method with these flags gets the hooks: instance, synchronized, with code. */
  static boolean appliesTo(int access) {
    return (access & Opcodes.ACC_SYNCHRONIZED) != 0
        && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
  }

  @Override
  InsnList hook(boolean entry) {
    InsnList code = new InsnList();
    code.add(new VarInsnNode(Opcodes.ALOAD, 0));
    String name = entry ? "enteredSynchronized" : "exitingSynchronized";
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HookOwners.of(name), name, HOOK_DESCRIPTOR,
        false));
    return code;
  }
}
