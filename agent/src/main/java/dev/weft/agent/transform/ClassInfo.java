package dev.weft.agent.transform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The header of a class file: what field resolution and subclass checks need.
 *
 * @param superName internal name of the superclass, null for {@code java/lang/Object}
 * @param interfaces internal names of the direct superinterfaces
 * @param fieldAccess access flags of each declared field, keyed by {@link #fieldKey}
 * @param hasStaticInitializer whether it declares {@code <clinit>}
 */
record ClassInfo(String superName, List<String> interfaces, Map<String, Integer> fieldAccess,
    boolean hasStaticInitializer) {

  static ClassInfo parse(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    Map<String, Integer> fields = new HashMap<>();
    boolean[] clinit = {false};
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public FieldVisitor visitField(
              int access, String name, String descriptor, String signature, Object value) {
            fields.put(fieldKey(name, descriptor), access);
            return null;
          }

          @Override
          public MethodVisitor visitMethod(int access, String name, String descriptor,
              String signature, String[] exceptions) {
            if (name.equals("<clinit>")) clinit[0] = true;
            return null;
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new ClassInfo(
        reader.getSuperName(), List.of(reader.getInterfaces()), Map.copyOf(fields), clinit[0]);
  }

  static String fieldKey(String name, String descriptor) {
    return name + ":" + descriptor;
  }
}
