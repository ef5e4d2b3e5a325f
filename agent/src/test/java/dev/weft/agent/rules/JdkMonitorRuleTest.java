package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.sites;
import static dev.weft.agent.testing.Bytecode.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.testing.Bytecode;
import dev.weft.agent.transform.WeftTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The rules over this JDK's own classes whose monitors programs share: the synchronized views of
 * {@code Collections} and {@code Timer} get the program's monitor and wait hooks; synchronized
 * methods of {@code Vector}, {@code Hashtable} and {@code StringBuffer} keep their flag and get
 * entry and exit hooks; {@code PrintStream} is left alone. The JVM's verifier sees the result only
 * under the real agent, in the testbench's {@code JdkMonitorsTest}; ASM's checks it here.
 */
class JdkMonitorRuleTest {
  private static final WeftTransformer TRANSFORMER =
      new WeftTransformer(new AgentConfig(List.of(), List.of()), module -> {});

  private static byte[] rewrite(String type) {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(type + ".class")) {
      return TRANSFORMER.transform(Object.class.getModule(), null, type, null, null,
          in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MethodNode method(byte[] classFile, String name, String descriptor) {
    return tree(classFile).methods.stream()
        .filter(m -> m.name.equals(name) && m.desc.equals(descriptor)).findFirst().orElseThrow();
  }

  @Test
  void aSynchronizedViewsMonitorIsEnteredThroughTheHook() {
    byte[] map = rewrite("java/util/Collections$SynchronizedMap");
    assertNotNull(map);
    MethodNode put = method(map, "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
    assertSequence(put, 1, "DUP", "PUSH", "hook:monitorEnter", "MONITORENTER");
    // A JDK site has no line: lines differ between JDK releases, and schedules replay on any.
    assertEquals(-1, sites(put, "monitorEnter").get(0).line());
    assertEquals("Collections.java", sites(put, "monitorEnter").get(0).fileName());
    Bytecode.check(map, ClassLoader.getSystemClassLoader());
  }

  @Test
  void aTimersThreadWaitsAndIsBegunThroughTheHooks() {
    byte[] thread = rewrite("java/util/TimerThread");
    MethodNode mainLoop = method(thread, "mainLoop", "()V");
    assertEquals(2, count(mainLoop, "hook:waitOn"));
    assertEquals(0, listing(mainLoop).stream().filter(s -> s.contains("Object.wait")).count());
    assertTrue(listing(mainLoop).contains("hook:currentTimeMillis"), "runs on the virtual clock");
    assertEquals("hook:threadRunEntered", listing(method(thread, "run", "()V")).get(0));
    assertSequence(method(rewrite("java/util/Timer"), "sched",
        "(Ljava/util/TimerTask;JJ)V"), 1, "PUSH", "hook:notifyOne");
  }

  @ParameterizedTest
  @ValueSource(strings = {"java/util/Vector", "java/util/Hashtable", "java/lang/StringBuffer"})
  void synchronizedMethodsKeepTheirFlagAndTellTheModel(String type) {
    byte[] rewritten = rewrite(type);
    for (MethodNode m : tree(rewritten).methods) {
      boolean hooked = listing(m).contains("hook:enteredSynchronized");
      boolean synchronizedInstance = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0
          && (m.access & Opcodes.ACC_STATIC) == 0;
      assertEquals(synchronizedInstance, hooked, m.name + m.desc);
      if (!hooked) continue;
      List<String> code = listing(m);
      assertEquals(List.of("ALOAD", "hook:enteredSynchronized"), code.subList(0, 2));
      long returns = code.stream().filter(s -> s.endsWith("RETURN")).count();
      assertSequence(m, (int) returns + 1, "ALOAD", "hook:exitingSynchronized");
      TryCatchBlockNode last = m.tryCatchBlocks.get(m.tryCatchBlocks.size() - 1);
      assertNull(last.type, "the catch-all comes after the method's own handlers");
    }
    Bytecode.check(rewritten, ClassLoader.getSystemClassLoader());
  }

  @Test
  void printStreamIsLeftAlone() {
    assertFalse(Instrumenter.rewritesJdkClass("java/io/PrintStream"));
    assertNull(rewrite("java/io/PrintStream"));
  }
}
