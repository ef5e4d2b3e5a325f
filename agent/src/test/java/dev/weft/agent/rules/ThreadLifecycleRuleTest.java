package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.transform.WeftTransformer;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The rule over this JDK's own java.lang.Thread (the build runs it on 17 and on 25). The JVM's
 * verifier sees the result only under the real agent: see AgentJarIT.
 */
class ThreadLifecycleRuleTest {
  private static final WeftTransformer TRANSFORMER =
      new WeftTransformer(new AgentConfig(List.of(), List.of()), module -> {});

  private static byte[] threadClassFile() throws Exception {
    try (InputStream in = ClassLoader.getSystemResourceAsStream("java/lang/Thread.class")) {
      return in.readAllBytes();
    }
  }

  private static byte[] rewrittenThread() throws Exception {
    byte[] rewritten =
        TRANSFORMER.transform(
            Thread.class.getModule(),
            null,
            "java/lang/Thread",
            Thread.class,
            null,
            threadClassFile());
    assertNotNull(rewritten);
    return rewritten;
  }

  @Test
  void runAndExitAnnounceTheThread() throws Exception {
    byte[] thread = rewrittenThread();
    assertEquals("hook:threadRunEntered", listing(method(thread, "run")).get(0));
    assertEquals(
        List.of("ALOAD", "hook:threadExiting"), listing(method(thread, "exit")).subList(0, 2));
  }

  @Test
  void uncaughtExceptionReturnsEarlyWhenTheHookHandledIt() throws Exception {
    MethodNode dispatch = method(rewrittenThread(), "dispatchUncaughtException");
    List<String> code = listing(dispatch);
    assertEquals(List.of("ALOAD", "ALOAD", "hook:uncaughtException", "IFNE"), code.subList(0, 4));
    assertEquals("RETURN", code.get(code.size() - 1));
    AbstractInsnNode last = dispatch.instructions.getLast().getPrevious();
    FrameNode frame = (FrameNode) last;
    assertEquals(List.of("java/lang/Thread", "java/lang/Throwable"), frame.local);
  }

  @Test
  void otherMethodsAndUnlistedJdkClassesAreLeftAlone() throws Exception {
    byte[] original = threadClassFile();
    assertEquals(
        listing(method(original, "getName")), listing(method(rewrittenThread(), "getName")));
    assertNull(
        TRANSFORMER.transform(null, null, "java/lang/String", null, null, original),
        "bootstrap classes Weft has no rule for");
  }
}
