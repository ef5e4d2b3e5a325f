package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.agent.testing.InstrumentingLoader;
import dev.weft.scheduler.trace.Site;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** {@link ClassInitializerRule} and {@link ClassUseRule}. */
class ClassInitRulesTest {
  private static final String SAMPLE = "dev/weft/samples/agent/InitSample";

  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void initializerStartsWithItsHookAndEndsWithTheOtherOnEveryWayOut() throws Throwable {
    MethodNode clinit = method(loader.rewritten("InitSample"), "<clinit>");
    List<String> code = listing(clinit);
    assertEquals(List.of("LDC", "hook:classInitStarted"), code.subList(0, 2));
    assertEquals(List.of("LDC", "hook:classInitEnded", "RETURN"),
        code.subList(code.size() - 6, code.size() - 3));
    assertEquals(List.of("LDC", "hook:classInitEnded", "ATHROW"),
        code.subList(code.size() - 3, code.size()));
    assertEquals(List.of(SAMPLE, SAMPLE), classLiteralsBefore(clinit, "classInitEnded"));
    // The initializer's own handler still catches first; the catch-all is the last entry.
    List<TryCatchBlockNode> handlers = clinit.tryCatchBlocks;
    assertEquals("java/lang/IllegalStateException", handlers.get(0).type);
    assertNull(handlers.get(handlers.size() - 1).type);
    assertEquals(1, handlers.stream().filter(h -> h.type == null).count());
    // Its own fields, inside its own initializer, are used freely.
    assertEquals(0, count(clinit, "hook:classUsed"));
    assertEquals(4, loader.call("InitSample", "uses"));
  }

  @Test
  void anInitializerThatThrowsStillFailsTheClassAsTheJvmWould() {
    Throwable thrown = assertThrows(ExceptionInInitializerError.class,
        () -> loader.call("InitSample", "failing"));
    assertInstanceOf(NumberFormatException.class, thrown.getCause());
    assertEquals(1, count(method(loader.rewritten("InitSample$Failing"), "<clinit>"),
        "hook:classInitStarted"));
  }

  /**
   * The hook before a {@code new} must not leave a frame naming the uninitialized object by the
   * hook's offset: the JVM refused such a class (Mockito's TypeCachingBytecodeGenerator, whose
   * constructor calls {@code new TypeCache(weak ? WEAK : SOFT)}).
   */
  @Test
  void aNewWithABranchBeforeItsConstructorStillVerifies() throws Throwable {
    MethodNode method = method(loader.rewritten("InitSample"), "newWithABranch");
    List<String> code = listing(method);
    assertEquals("hook:classUsed", code.get(code.indexOf("NEW") - 1));
    assertEquals(1, loader.call("InitSample", "newWithABranch", true));
    assertEquals(2, loader.call("InitSample", "newWithABranch", false));
  }

  @Test
  void selfContainedInitializerIsLeftAlone() throws Throwable {
    assertEquals(1, loader.call("InitSample", "selfContained"));
    MethodNode clinit = method(loader.rewritten("InitSample$SelfContained"), "<clinit>");
    assertEquals(0, count(clinit, "hook:classInitStarted"));
  }

  @Test
  void everyInstructionThatInitializesAClassWithAnInitializerIsHooked() {
    MethodNode uses = method(loader.rewritten("InitSample"), "uses");
    // count++ is a getstatic and a putstatic, each of which would initialize the class.
    assertEquals(List.of(SAMPLE, SAMPLE, SAMPLE, SAMPLE + "$Subclass", SAMPLE),
        classLiteralsBefore(uses, "classUsed"));
    List<Integer> lines = sites(uses, "classUsed").stream().map(Site::line).toList();
    int increment = lineOf("InitSample", "putstatic");
    assertEquals(List.of(increment, increment, lineOf("InitSample", "getstatic"),
        lineOf("InitSample", "new"), lineOf("InitSample", "invokestatic")), lines);
    // The hook comes right before the instruction.
    List<String> code = listing(uses);
    int firstNew = code.indexOf("NEW");
    assertEquals("hook:classUsed", code.get(firstNew - 1));
  }

  @Test
  void classesWithoutInitializerAndTheJdkGetNoHook() {
    MethodNode names = method(loader.rewritten("InitSample"), "names");
    assertEquals(List.of(SAMPLE + "$Parent"), classLiteralsBefore(names, "classUsed"));
    MethodNode uses = method(loader.rewritten("InitSample"), "uses");
    assertEquals(0, classLiteralsBefore(uses, "classUsed").stream()
        .filter(c -> c.endsWith("NoInitializer") || c.startsWith("java/")).count());
  }

  /** The class literal loaded right before each call of {@code hook}. */
  private static List<String> classLiteralsBefore(MethodNode method, String hook) {
    List<String> classes = new ArrayList<>();
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof MethodInsnNode call && call.name.equals(hook)) {
        AbstractInsnNode load = call.getPrevious();
        while (!(load instanceof LdcInsnNode ldc && ldc.cst instanceof Type)) {
          load = load.getPrevious();
        }
        classes.add(((Type) ((LdcInsnNode) load).cst).getInternalName());
      }
    }
    return classes;
  }
}
