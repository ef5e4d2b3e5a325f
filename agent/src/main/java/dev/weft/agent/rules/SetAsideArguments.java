package dev.weft.agent.rules;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A call's arguments set aside in fresh locals, so that a hook inserted before the call can reach
 * what lies beneath them on the stack (the receiver) and see them, and then put back.
 *
 * @param types the arguments' types, in order
 * @param slots the local of each argument, from the method's first free local on
 */
record SetAsideArguments(Type[] types, int[] slots) {
  /** The arguments of a call of {@code descriptor}, in locals from {@code firstFree} on. */
  static SetAsideArguments of(String descriptor, int firstFree) {
    Type[] types = Type.getArgumentTypes(descriptor);
    int[] slots = new int[types.length];
    int free = firstFree;
    for (int i = 0; i < types.length; i++) {
      slots[i] = free;
      free += types[i].getSize();
    }
    return new SetAsideArguments(types, slots);
  }

  /** Pops every argument off the stack into its local, the last first. */
  void store(InsnList code) {
    for (int i = types.length - 1; i >= 0; i--) {
      code.add(new VarInsnNode(types[i].getOpcode(Opcodes.ISTORE), slots[i]));
    }
  }

  /** Pushes every argument back, in order. */
  void load(InsnList code) {
    for (int i = 0; i < types.length; i++) {
      code.add(new VarInsnNode(types[i].getOpcode(Opcodes.ILOAD), slots[i]));
    }
  }
}
