package dev.weft.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.hooks.WeftHooks;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Printer;

/** Reading rewritten class files in tests: listings, hook sites, verification. */
public final class Bytecode {
  /** The internal names of the classes of hooks. */
  public static final Set<String> HOOKS = WeftHooks.CLASSES.stream().map(Type::getInternalName)
      .collect(Collectors.toUnmodifiableSet());

  private Bytecode() {}

  /**
   * Fails unless ASM's verifier accepts every method and every hook call names a method that its
   * class of hooks ({@link WeftHooks#CLASSES}) really has.
   */
  public static void check(byte[] classFile, ClassLoader loader) {
    StringWriter errors = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(errors));
    assertEquals("", errors.toString(), "ASM verifier");
    List<String> hooks =
        WeftHooks.CLASSES.stream().flatMap(c -> Arrays.stream(c.getMethods()))
            .map(m -> Type.getInternalName(m.getDeclaringClass()) + "." + m.getName()
                + Type.getMethodDescriptor(m))
            .toList();
    for (MethodNode method : tree(classFile).methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof MethodInsnNode call && HOOKS.contains(call.owner)) {
          assertTrue(hooks.contains(call.owner + "." + call.name + call.desc),
              "no hook " + call.owner + "." + call.name + call.desc);
        }
      }
    }
  }

  public static ClassNode tree(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, 0);
    return node;
  }

  /** The only method called {@code name} (with any descriptor). */
  public static MethodNode method(byte[] classFile, String name) {
    List<MethodNode> found =
        tree(classFile).methods.stream().filter(m -> m.name.equals(name)).toList();
    assertEquals(1, found.size(), "methods named " + name);
    return found.get(0);
  }

  /**
   * The method's instructions, one string each: the opcode name, with {@code owner.name} for calls
   * and {@code owner.name} for field accesses; a call of a hook is {@code hook:name}, and an int
   * pushed by BIPUSH, SIPUSH or LDC is {@code PUSH}.
   */
  public static List<String> listing(MethodNode method) {
    List<String> listing = new ArrayList<>();
    for (AbstractInsnNode insn : method.instructions) {
      int opcode = insn.getOpcode();
      if (opcode < 0) continue;
      if (insn instanceof MethodInsnNode call) {
        listing.add(
            HOOKS.contains(call.owner)
                ? "hook:" + call.name
                : Printer.OPCODES[opcode] + " " + call.owner + "." + call.name);
      } else if (insn instanceof FieldInsnNode field) {
        listing.add(Printer.OPCODES[opcode] + " " + field.owner + "." + field.name);
      } else if (opcode == Opcodes.BIPUSH
          || opcode == Opcodes.SIPUSH
          || insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer) {
        listing.add("PUSH");
      } else {
        listing.add(Printer.OPCODES[opcode]);
      }
    }
    return listing;
  }

  /** Fails unless {@code expected} occurs {@code times} times, contiguously, in the listing. */
  public static void assertSequence(MethodNode method, int times, String... expected) {
    List<String> listing = listing(method);
    List<String> sequence = List.of(expected);
    int count = 0;
    for (int i = 0; i + sequence.size() <= listing.size(); i++) {
      if (listing.subList(i, i + sequence.size()).equals(sequence)) count++;
    }
    assertEquals(times, count, () -> sequence + " in " + method.name + ": " + listing);
  }

  /** How many times {@code entry} occurs in the method's listing. */
  public static int count(MethodNode method, String entry) {
    return Collections.frequency(listing(method), entry);
  }

  /** The sites passed to every call of {@code hook} in the method, in order. */
  public static List<Site> sites(MethodNode method, String hook) {
    List<Site> sites = new ArrayList<>();
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof MethodInsnNode call
          && HOOKS.contains(call.owner)
          && call.name.equals(hook)) {
        AbstractInsnNode push = call.getPrevious();
        int index = push instanceof IntInsnNode i ? i.operand : (Integer) ((LdcInsnNode) push).cst;
        sites.add(SiteRegistry.get(index));
      }
    }
    return sites;
  }

  /** The line of the sample source that carries the comment {@code // @line:marker}. */
  public static int lineOf(String sampleSimpleName, String marker) {
    Path source =
        Path.of(
            "src/test/java",
            InstrumentingLoader.SAMPLES.replace('.', '/'),
            sampleSimpleName + ".java");
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("// @line:" + marker)) return i + 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no marker " + marker + " in " + source);
  }
}
