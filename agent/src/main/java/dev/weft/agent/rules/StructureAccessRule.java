package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The shared-memory accesses inside one of the JDK's lock-free structures ({@code
 * JdkStructures}): a hook before each, given the object accessed, which is a scheduling point while
 * the thread is inside a call of the program's on such a structure.
 *
 * <pre>
 *   obj; getfield f (not final)   =>  obj; dup; site; structureRead; getfield
 *   obj; v; putfield f            =>  obj; v; [obj above v]; site; structureWrite; putfield
 *   getstatic / putstatic f       =>  aconst_null; site; structureRead / structureWrite; the access
 *   vh; a1..an; VarHandle.m       =>  vh; a1..an; [an..a1 into fresh locals]; dup; a1 or null;
 *                                       site; structureHandleRead / Write; [a1..an back]; m
 *   u; o; off; ..; Unsafe.m(Object, long, ..)
 *                                 =>  u; o; off; ..; [into fresh locals]; o; site;
 *                                       structureRead / Write; [back]; m
 * </pre>
 *
 * Plain fields too: the JDK reads some of its structures' fields plainly ({@code
 * ConcurrentSkipListMap}'s nodes) and orders them with {@code VarHandle} fences, and systematic
 * search must see every access another thread's write can change. Final fields never change after
 * publication, and constructors and static initializers touch only what no other thread sees yet,
 * so neither gets hooks. A {@code VarHandle}'s access modes all count, its plain {@code get} and
 * {@code set} too; of {@code Unsafe}, the methods that take an object and an offset. The fresh
 * locals live only between their store and load, where no frame can fall, as in {@link
 * ConcurrentCallRule}.
 */
final class StructureAccessRule extends MethodNode {
  private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String UNSAFE_ACCESS = "(" + OBJECT + "J";

  private final MethodVisitor next;
  private final RuleContext context;

  StructureAccessRule(MethodVisitor next, RuleContext context, int access, String name,
      String descriptor, String signature, String[] exceptions) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
    this.context = context;
  }

  /** Whether a method's accesses get hooks: not a constructor's, nor a static initializer's. */
  static boolean appliesTo(String methodName) {
    return !methodName.equals("<init>") && !methodName.equals("<clinit>");
  }

  @Override
  public void visitEnd() {
    for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof FieldInsnNode field && !isFinal(field)) {
        instructions.insertBefore(field, beforeField(field));
        context.markChanged();
      } else if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKEVIRTUAL) {
        if (call.owner.equals(VAR_HANDLE) && isAccessMode(call.name)) {
          instructions.insertBefore(call, beforeCall(call, true, isRead(call.name)));
          context.markChanged();
        } else if (isUnsafe(call.owner) && call.desc.startsWith(UNSAFE_ACCESS)) {
          instructions.insertBefore(call, beforeCall(call, false, isRead(call.name)));
          context.markChanged();
        }
      }
    }
    accept(next);
  }

  /** Final fields, and those Weft cannot resolve, which it then counts as not final. */
  private boolean isFinal(FieldInsnNode field) {
    TypeInfo.ResolvedField resolved = context.types().resolveField(field.owner, field.name,
        field.desc);
    return resolved != null && (resolved.access() & Opcodes.ACC_FINAL) != 0;
  }

  private InsnList beforeField(FieldInsnNode field) {
    InsnList code = new InsnList();
    int opcode = field.getOpcode();
    boolean wide = field.desc.equals("J") || field.desc.equals("D");
    switch (opcode) {
      case Opcodes.GETFIELD -> code.add(new InsnNode(Opcodes.DUP));
      case Opcodes.PUTFIELD -> {
        if (wide) { // owner, value(2) -> owner, value(2), owner
          code.add(new InsnNode(Opcodes.DUP2_X1));
          code.add(new InsnNode(Opcodes.POP2));
          code.add(new InsnNode(Opcodes.DUP_X2));
        } else { // owner, value -> owner, value, owner
          code.add(new InsnNode(Opcodes.DUP2));
          code.add(new InsnNode(Opcodes.POP));
        }
      }
      default -> code.add(new InsnNode(Opcodes.ACONST_NULL));
    }
    boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
    code.add(site(simpleName(field.owner) + "." + field.name));
    code.add(hook(read ? "structureRead" : "structureWrite", "(" + OBJECT + "I)V"));
    return code;
  }

  /** A VarHandle call ({@code handle} true) or an Unsafe one: its arguments set aside. */
  private InsnList beforeCall(MethodInsnNode call, boolean handle, boolean read) {
    InsnList code = new InsnList();
    SetAsideArguments arguments = SetAsideArguments.of(call.desc, maxLocals);
    arguments.store(code);
    boolean firstIsObject = arguments.types().length > 0 && isReference(arguments.types()[0]);
    if (handle) code.add(new InsnNode(Opcodes.DUP));
    if (firstIsObject) {
      code.add(new VarInsnNode(Opcodes.ALOAD, arguments.slots()[0]));
    } else {
      code.add(new InsnNode(Opcodes.ACONST_NULL));
    }
    code.add(site(simpleName(call.owner) + "." + call.name));
    String hook = "structure" + (handle ? "Handle" : "") + (read ? "Read" : "Write");
    code.add(hook(hook, "(" + (handle ? OBJECT : "") + OBJECT + "I)V"));
    arguments.load(code);
    return code;
  }

  private static boolean isReference(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
  }

  private static boolean isUnsafe(String owner) {
    return owner.equals("jdk/internal/misc/Unsafe") || owner.equals("sun/misc/Unsafe");
  }

  /** The access modes of a VarHandle ({@code get}, {@code setRelease}, {@code getAndAdd}, ...). */
  private static boolean isAccessMode(String name) {
    return name.startsWith("get") || name.startsWith("set") || name.startsWith("compareAnd")
        || name.startsWith("weakCompareAndSet");
  }

  /** A VarHandle's or Unsafe's method that only reads ({@code getAcquire}, not {@code getAndSet}). */
  private static boolean isRead(String name) {
    return name.startsWith("get") && !name.startsWith("getAnd");
  }

  private static String simpleName(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
  }

  private AbstractInsnNode site(String detail) {
    return ConcurrentCallRule.site(context.registerStructureSite(name, detail));
  }

  private static MethodInsnNode hook(String name, String descriptor) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, HookOwners.of(name), name, descriptor,
        false);
  }
}
