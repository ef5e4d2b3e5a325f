package dev.weft.agent.rules;

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
 */
final class ClassUseRule extends HookMethodVisitor {

  ClassUseRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    if (opcode == Opcodes.NEW) used(type);
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) used(owner);
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKESTATIC && !owner.equals(HOOKS)) used(owner);
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  private void used(String type) {
    boolean ownInitializer = methodName.equals("<clinit>") && type.equals(context.className());
    if (ownInitializer || !context.hasClassLiterals()
        || !context.types().mayRunStaticInitializer(type)) {
      return;
    }
    super.visitLdcInsn(Type.getObjectType(type));
    invokeHookWithSite("classUsed", "(Ljava/lang/Class;I)V", null);
  }
}
