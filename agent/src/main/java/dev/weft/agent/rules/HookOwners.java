package dev.weft.agent.rules;

import dev.weft.scheduler.hooks.WeftHooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Which class declares each hook ({@link WeftHooks#CLASSES}), by the hook's name: the rules name a
 * hook, and the call they emit names its class. Read once from the hook classes' own class files,
 * so a hook moved from one class to another needs no rule changed. Read from the class files, not
 * by reflection: listing a class's methods loads every class their signatures name ({@code
 * ForkJoinPool}, {@code FileDescriptor}), which, loaded while the agent rewrites another class, the
 * JVM would define unrewritten.
 */
final class HookOwners {
  private static final Map<String, String> OWNERS = owners();
  private static final Set<String> CLASSES = new HashSet<>(OWNERS.values());

  private HookOwners() {}

  /** The internal name of the class that declares the hook {@code hook}. */
  static String of(String hook) {
    String owner = OWNERS.get(hook);
    if (owner == null) throw new IllegalArgumentException("no hook named " + hook);
    return owner;
  }

  /** Whether {@code internalName} is a class of hooks. */
  static boolean isHookClass(String internalName) {
    return CLASSES.contains(internalName);
  }

  private static Map<String, String> owners() {
    Map<String, String> owners = new HashMap<>();
    for (Class<?> hooks : WeftHooks.CLASSES) {
      String owner = Type.getInternalName(hooks);
      for (String name : publicStaticMethods(hooks)) {
        String before = owners.putIfAbsent(name, owner);
        if (before != null && !before.equals(owner)) {
          throw new IllegalStateException("hook " + name + " is declared by " + before + " and "
              + owner + ": a hook's name must be declared by one class");
        }
      }
    }
    return Map.copyOf(owners);
  }

  private static Set<String> publicStaticMethods(Class<?> hooks) {
    String path = Type.getInternalName(hooks) + ".class";
    try (InputStream in = classFile(path)) {
      Set<String> names = new HashSet<>();
      new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor,
            String signature, String[] exceptions) {
          if ((access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) != 0
              && !name.equals("<clinit>")) {
            names.add(name);
          }
          return null;
        }
      }, ClassReader.SKIP_CODE);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the class file " + path, e);
    }
  }

  /**
   * The class file at {@code path}: from the class path or the boot class path given on the
   * command line, or else from the scheduler's jar inside the agent's, whose copy the agent
   * appended to the boot class path (the JDK finds no resources in such a copy).
   */
  private static InputStream classFile(String path) throws IOException {
    InputStream in = ClassLoader.getSystemResourceAsStream(path);
    if (in != null) return in;
    InputStream nested = HookOwners.class.getResourceAsStream("/" + Instrumenter.NESTED_SCHEDULER_JAR);
    if (nested == null) throw new IOException("no " + path + " and no " + Instrumenter.NESTED_SCHEDULER_JAR);
    JarInputStream jar = new JarInputStream(nested);
    for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
      if (e.getName().equals(path)) return jar;
    }
    jar.close();
    throw new IOException("no " + path + " in " + Instrumenter.NESTED_SCHEDULER_JAR);
  }
}
