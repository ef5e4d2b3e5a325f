package dev.weft.agent.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Method references to {@code java.util.concurrent} methods ({@code counter::incrementAndGet}),
 * and to static methods and constructors of classes with a static initializer ({@code
 * Config::new}): the JDK calls them from a hidden class Weft does not rewrite, so each is pointed
 * at a static bridge in the referring class instead, whose call the rules then see like any other.
 *
 * <pre>
 *   invokedynamic [LambdaMetafactory.metafactory, ..., AtomicInteger.get()I, ...]
 *     =>  invokedynamic [..., weft$ref$0(LAtomicInteger;)I, ...]
 *   private static synthetic int weft$ref$0(AtomicInteger a) { return a.get(); }
 *   private static synthetic Config weft$ref$1() { return new Config(); }
 * </pre>
 *
 * Only when the class is being defined (a retransformed class cannot gain methods), and not in an
 * interface older than Java 9 (no private static methods there).
 */
final class MethodRefBridges {
  private record Bridge(Handle target, Handle bridge, int line) {}

  private final String className;
  private final boolean isInterface;
  private final Map<Handle, Bridge> bridges = new LinkedHashMap<>();

  MethodRefBridges(String className, boolean isInterface) {
    this.className = className;
    this.isInterface = isInterface;
  }

  /** Whether {@code bootstrap} is the lambda metafactory's plain (non-serializable) form. */
  static boolean isLambda(Handle bootstrap) {
    return bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
        && bootstrap.getName().equals("metafactory");
  }

  /** The opcode that calls {@code target}, or -1 for a constructor or a special call. */
  static int opcodeOf(Handle target) {
    return switch (target.getTag()) {
      case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
      case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
      case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
      default -> -1;
    };
  }

  /** Whether calling {@code target} initializes its class: a static method or a constructor. */
  static boolean initializes(Handle target) {
    return target.getTag() == Opcodes.H_INVOKESTATIC
        || target.getTag() == Opcodes.H_NEWINVOKESPECIAL;
  }

  /** The static bridge to call instead of {@code target}, referred to at {@code line}. */
  Handle bridgeFor(Handle target, int line) {
    return bridges.computeIfAbsent(target, t -> {
      String owner = Type.getObjectType(t.getOwner()).getDescriptor();
      String descriptor = switch (t.getTag()) {
        case Opcodes.H_INVOKESTATIC -> t.getDesc();
        case Opcodes.H_NEWINVOKESPECIAL ->
            t.getDesc().substring(0, t.getDesc().indexOf(')') + 1) + owner;
        default -> "(" + owner + t.getDesc().substring(1);
      };
      Handle bridge = new Handle(Opcodes.H_INVOKESTATIC, className,
          "weft$ref$" + bridges.size(), descriptor, isInterface);
      return new Bridge(t, bridge, line);
    }).bridge();
  }

  /** Adds the bridges to the class, through {@code rules} so that their calls are rewritten. */
  void emit(ClassVisitor rules) {
    for (Bridge b : new ArrayList<>(bridges.values())) {
      Handle h = b.bridge();
      MethodVisitor mv = rules.visitMethod(
          Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, h.getName(),
          h.getDesc(), null, null);
      mv.visitCode();
      Label start = new Label();
      mv.visitLabel(start);
      if (b.line() > 0) mv.visitLineNumber(b.line(), start);
      Handle t = b.target();
      boolean constructor = t.getTag() == Opcodes.H_NEWINVOKESPECIAL;
      if (constructor) {
        mv.visitTypeInsn(Opcodes.NEW, t.getOwner());
        mv.visitInsn(Opcodes.DUP);
      }
      int slot = 0;
      for (Type argument : Type.getArgumentTypes(h.getDesc())) {
        mv.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
        slot += argument.getSize();
      }
      mv.visitMethodInsn(constructor ? Opcodes.INVOKESPECIAL : opcodeOf(t), t.getOwner(),
          t.getName(), t.getDesc(), t.isInterface());
      mv.visitInsn(Type.getReturnType(h.getDesc()).getOpcode(Opcodes.IRETURN));
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }
}
