package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.transform.WeftTransformer;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

/**
 * The rule over this JDK's own java.lang.VirtualThread (JDK 21+): its start, its run of the task,
 * and its own interrupt methods reach the hooks. The JVM's verifier sees the result only under the
 * real agent, in the explorer's virtual-thread tests.
 */
class VirtualThreadRuleTest {
  private static final String TYPE = "java/lang/VirtualThread";
  private static byte[] rewritten;

  @BeforeAll
  static void rewrite() throws Exception {
    Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
    byte[] original;
    try (InputStream in = ClassLoader.getSystemResourceAsStream(TYPE + ".class")) {
      original = in.readAllBytes();
    }
    rewritten = new WeftTransformer(new AgentConfig(List.of(), List.of()), module -> {})
        .transform(Thread.class.getModule(), null, TYPE, null, null, original);
    assertNotNull(rewritten);
  }

  private static List<String> code(String name, String descriptor) {
    MethodNode method = tree(rewritten).methods.stream()
        .filter(m -> m.name.equals(name) && m.desc.equals(descriptor)).findFirst().orElseThrow();
    return listing(method);
  }

  @Test
  void startAnnouncesTheThreadWithItsSchedulerAndWaitsForItBeforeReturning() {
    List<String> start = code("start", "(Ljdk/internal/vm/ThreadContainer;)V");
    assertEquals(List.of("ALOAD", "ALOAD", "GETFIELD java/lang/VirtualThread.scheduler",
        "hook:virtualThreadStarting"), start.subList(0, 4));
    assertEquals(List.of("ALOAD", "hook:threadStarted", "RETURN"),
        start.subList(start.size() - 3, start.size()));
    assertEquals(List.of("ALOAD", "INVOKESTATIC jdk/internal/vm/ThreadContainers.root"),
        code("start", "()V").subList(0, 2), "start() calls start(container), which has the hooks");
  }

  @Test
  void theTaskBeginsAndEndsTheThread() {
    List<String> run = code("run", "(Ljava/lang/Runnable;)V");
    assertEquals("hook:threadRunEntered", run.get(0));
    assertEquals(List.of("ALOAD", "hook:threadExiting", "RETURN"),
        run.subList(run.size() - 3, run.size()));
  }

  @Test
  void itsOwnInterruptMethodsAnswerFromTheModel() {
    assertEquals(List.of("ALOAD", "hook:interruptEntered", "IFNE"),
        code("interrupt", "()V").subList(0, 3));
    assertEquals(List.of("ALOAD", "ICONST_0", "hook:interruptStatus"),
        code("isInterrupted", "()Z").subList(0, 3));
    assertEquals(List.of("ALOAD", "ICONST_1", "hook:interruptStatus"),
        code("getAndClearInterrupt", "()Z").subList(0, 3));
  }
}
