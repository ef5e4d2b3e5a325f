package dev.weft.testbench.bench;

import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A {@link Runnable} whose {@code run} calls a program's {@code main(new String[0])} with a plain
 * {@code invokestatic}, in a class of its own defined at run time.
 *
 * <p>Lincheck analyses only what it sees called from its instrumented code: a call through a method
 * handle, reflection, or a lambda's hidden class hides the whole program from it (it then reports
 * no bug after a few invocations). A generated class is an ordinary class that its agent
 * instruments like any other, so the program runs exactly as if called directly from source.
 * Used in the Lincheck child JVM only, where ASM comes with Lincheck.
 */
final class DirectCall {
  private DirectCall() {}

  static Runnable toMain(Class<?> program) throws ReflectiveOperationException {
    String name = Type.getInternalName(DirectCall.class) + "$" + program.getSimpleName() + "Main";
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
        "java/lang/Object", new String[] {"java/lang/Runnable"});

    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    // A checked exception from main propagates as it is: the JVM does not check throws clauses.
    MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
    run.visitCode();
    run.visitInsn(Opcodes.ICONST_0);
    run.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
    run.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(program), "main",
        "([Ljava/lang/String;)V", false);
    run.visitInsn(Opcodes.RETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
    cw.visitEnd();

    Class<?> type = MethodHandles.lookup().defineClass(cw.toByteArray());
    return (Runnable) type.getConstructor().newInstance();
  }
}
