package dev.weft.agent.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A hook at the entry of a JDK method, which may answer in the method's place: {@code if
 * (hook(args)) return;}. The early return's code goes after the original code, behind a full
 * frame, so no existing frame moves.
 */
final class EntryHook extends HookMethodVisitor {
  /** How the hook's answer decides whether the method returns early. */
  enum Answer {
    /** The hook returns void; the method always goes on. */
    NONE("V"),
    /** The hook returns true when it handled a void method. */
    HANDLED("Z"),
    /** The hook returns 0 or 1 as the boolean answer, or -1 to let the method answer. */
    STATUS("I"),
    /** The hook returns the method's answer, or null to let the method answer. */
    VALUE(null),
    /**
     * As {@link #VALUE}, for a method whose type the hook cannot name (a JDK-internal class): the
     * hook returns an {@code Object}, cast to that type.
     */
    CAST_VALUE("Ljava/lang/Object;");

    private final String returnDescriptor;

    Answer(String returnDescriptor) {
      this.returnDescriptor = returnDescriptor;
    }
  }

  private final int access;
  private final String owner;
  private final String methodDescriptor;
  private final String hook;
  private final String hookArguments;
  private final Answer answer;
  private final Consumer<MethodVisitor> pushArguments;
  private final Label early = new Label();

  /**
   * @param hookArguments the hook's parameter descriptors, e.g. {@code Ljava/lang/Object;J}
   * @param pushArguments pushes the hook's arguments
   */
  EntryHook(MethodVisitor next, RuleContext context, int access, String name, String descriptor,
      String hook, String hookArguments, Answer answer, Consumer<MethodVisitor> pushArguments) {
    super(next, context, name);
    this.access = access;
    this.owner = context.className();
    this.methodDescriptor = descriptor;
    this.hook = hook;
    this.hookArguments = hookArguments;
    this.answer = answer;
    this.pushArguments = pushArguments;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    pushArguments.accept(mv);
    String returned = answer == Answer.VALUE
        ? Type.getReturnType(methodDescriptor).getDescriptor() : answer.returnDescriptor;
    invokeHook(hook, "(" + hookArguments + ")" + returned);
    switch (answer) {
      case NONE -> { }
      case HANDLED -> super.visitJumpInsn(Opcodes.IFNE, early);
      case STATUS -> {
        super.visitInsn(Opcodes.DUP);
        super.visitJumpInsn(Opcodes.IFGE, early);
        super.visitInsn(Opcodes.POP);
      }
      case VALUE, CAST_VALUE -> {
        if (answer == Answer.CAST_VALUE) {
          super.visitTypeInsn(Opcodes.CHECKCAST,
              Type.getReturnType(methodDescriptor).getInternalName());
        }
        super.visitInsn(Opcodes.DUP);
        super.visitJumpInsn(Opcodes.IFNONNULL, early);
        super.visitInsn(Opcodes.POP);
      }
    }
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    if (answer != Answer.NONE) {
      super.visitLabel(early);
      Object[] locals = entryLocals();
      Object[] stack = switch (answer) {
        case STATUS -> new Object[] {Opcodes.INTEGER};
        case VALUE, CAST_VALUE ->
            new Object[] {Type.getReturnType(methodDescriptor).getInternalName()};
        default -> new Object[0];
      };
      super.visitFrame(Opcodes.F_FULL, locals.length, locals, stack.length, stack);
      super.visitInsn(switch (answer) {
        case STATUS -> Opcodes.IRETURN;
        case VALUE, CAST_VALUE -> Opcodes.ARETURN;
        default -> Opcodes.RETURN;
      });
    }
    super.visitMaxs(maxStack, maxLocals);
  }

  /** The frame's locals at entry: the receiver, then the parameters. */
  private Object[] entryLocals() {
    List<Object> locals = new ArrayList<>();
    if ((access & Opcodes.ACC_STATIC) == 0) locals.add(owner);
    for (Type t : Type.getArgumentTypes(methodDescriptor)) {
      locals.add(switch (t.getSort()) {
        case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
        case Type.LONG -> Opcodes.LONG;
        case Type.FLOAT -> Opcodes.FLOAT;
        case Type.DOUBLE -> Opcodes.DOUBLE;
        default -> t.getInternalName();
      });
    }
    return locals.toArray();
  }
}
