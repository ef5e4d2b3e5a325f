package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.agent.testing.InstrumentingLoader;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

class SynchronizedMethodRuleTest {
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void instanceMethodLocksThisExplicitly() {
    MethodNode increment = method(loader.rewritten("SyncCounter"), "increment");
    assertEquals(0, increment.access & Opcodes.ACC_SYNCHRONIZED);
    List<String> code = listing(increment);
    assertEquals(
        List.of("ALOAD", "DUP", "PUSH", "hook:monitorEnter", "MONITORENTER"), code.subList(0, 5));
    assertSequence(
        increment, 1, "ALOAD", "MONITOREXIT", "ALOAD", "PUSH", "hook:monitorExit", "RETURN");
    assertSequence(
        increment, 1, "ALOAD", "MONITOREXIT", "ALOAD", "PUSH", "hook:monitorExit", "ATHROW");
    assertEquals(
        lineOf("SyncCounter", "increment"), sites(increment, "monitorEnter").get(0).line());
  }

  @Test
  void catchAllCoversTheBodyButNotTheExits() {
    MethodNode classify = method(loader.rewritten("SyncCounter"), "classify");
    List<TryCatchBlockNode> catchAll =
        classify.tryCatchBlocks.stream().filter(t -> t.type == null).toList();
    // three returns cut the body into ranges; javac's own handler (typed) comes first
    assertEquals(3, catchAll.size());
    assertEquals("java/lang/IllegalStateException", classify.tryCatchBlocks.get(0).type);
    assertSequence(classify, 3, "MONITOREXIT", "ALOAD", "PUSH", "hook:monitorExit", "LRETURN");
    for (TryCatchBlockNode range : catchAll) {
      for (var insn = range.start.getNext(); insn != range.end; insn = insn.getNext()) {
        assertFalse(insn.getOpcode() == Opcodes.MONITOREXIT, "an exit inside a covered range");
      }
    }
  }

  @Test
  void staticMethodLocksTheClass() {
    MethodNode method = method(loader.rewritten("SyncCounter"), "incrementStatic");
    assertEquals(0, method.access & Opcodes.ACC_SYNCHRONIZED);
    assertEquals(
        List.of("LDC", "DUP", "PUSH", "hook:monitorEnter", "MONITORENTER"),
        listing(method).subList(0, 5));
  }

  @Test
  void loadedMethodsAreNoLongerSynchronized() throws Exception {
    Class<?> counter = loader.load("SyncCounter");
    assertFalse(Modifier.isSynchronized(counter.getMethod("increment").getModifiers()));
    assertFalse(Modifier.isSynchronized(counter.getMethod("incrementStatic").getModifiers()));
  }

  @Test
  void methodsStillExclude() throws Throwable {
    int[] counts = (int[]) loader.call("SyncCounter", "concurrentIncrements", 4, 20_000);
    assertArrayEquals(new int[] {4 * 20_000, 4 * 20_000, 4 * 20_000}, counts);
  }

  @Test
  void everyReturnPathReleases() throws Throwable {
    long[] results = (long[]) loader.call("SyncCounter", "returnPaths");
    assertArrayEquals(new long[] {-1, 0, 6, 2, 0}, results);
  }

  @Test
  void exceptionsReleaseTheMonitor() throws Throwable {
    boolean[] released = (boolean[]) loader.call("SyncCounter", "failuresRelease");
    assertArrayEquals(new boolean[] {true, true, true}, released);
  }

  @Test
  void classWithoutSynchronizationIsLeftUntouched() {
    assertNull(loader.rewritten("Plain"));
  }
}
