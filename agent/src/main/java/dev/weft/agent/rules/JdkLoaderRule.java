package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The methods of the JDK's built-in class loaders ({@code BuiltinClassLoader}, which the boot,
 * platform and application loaders extend): what they do inside an execution, finding, defining
 * and reading the classes and resources of the JDK's modules and of the class path, is not the
 * program's, and it happens only the first time in the JVM that something needs them.
 *
 * <pre>
 *   jdkLoadingEntered     first
 *   jdkLoadingExited      before every return, and before it throws
 * </pre>
 */
final class JdkLoaderRule extends AroundMethod {
  static final String LOADER = "jdk/internal/loader/BuiltinClassLoader";

  JdkLoaderRule(MethodVisitor next, RuleContext context, int access, String name,
      String descriptor, String signature, String[] exceptions) {
    super(next, context, access, name, descriptor, signature, exceptions);
  }

  /** Every method with code, but the constructors (no {@code this} before super()). */
  static boolean appliesTo(int access, String name) {
    return !name.equals("<init>") && !name.equals("<clinit>")
        && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
  }

  @Override
  InsnList hook(boolean entry) {
    InsnList code = new InsnList();
    String name = entry ? "jdkLoadingEntered" : "jdkLoadingExited";
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HookOwners.of(name), name, "()V", false));
    return code;
  }
}
