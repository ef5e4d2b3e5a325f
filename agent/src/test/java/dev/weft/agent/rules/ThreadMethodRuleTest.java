package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.testing.InstrumentingLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class ThreadMethodRuleTest {
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void startOfASubclassTwoLevelsDownGetsBothHooks() {
    MethodNode startJoin = method(loader.rewritten("ThreadSample"), "startJoin");
    assertSequence(
        startJoin,
        1,
        "DUP",
        "DUP",
        "PUSH",
        "hook:beforeStart",
        "INVOKEVIRTUAL dev/weft/samples/agent/WorkerThread.start",
        "PUSH",
        "hook:afterStart");
    assertEquals(lineOf("ThreadSample", "start"), sites(startJoin, "beforeStart").get(0).line());
    assertEquals(1, count(startJoin, "hook:join"));
    assertEquals(0, count(startJoin, "INVOKEVIRTUAL dev/weft/samples/agent/WorkerThread.join"));
  }

  @Test
  void superCallsKeepTheOriginalAndSkipOverridableOnes() {
    byte[] base = loader.rewritten("BaseThread");
    MethodNode start = method(base, "start");
    assertSequence(
        start,
        1,
        "hook:beforeStart",
        "INVOKESPECIAL java/lang/Thread.start",
        "PUSH",
        "hook:afterStart");
    MethodNode interrupt = method(base, "interrupt");
    assertEquals(1, count(interrupt, "INVOKESPECIAL java/lang/Thread.interrupt"));
    assertEquals(0, count(interrupt, "hook:interrupt"));
  }

  @Test
  void staticCallsThroughASubclassAreReplaced() {
    MethodNode run = method(loader.rewritten("WorkerThread"), "run");
    assertEquals(1, count(run, "hook:sleep"));
    assertEquals(0, count(run, "INVOKESTATIC dev/weft/samples/agent/WorkerThread.sleep"));
  }

  @Test
  void everyThreadMethodIsReplaced() {
    byte[] sample = loader.rewritten("ThreadSample");
    MethodNode queries = method(sample, "joinsAndQueries");
    assertEquals(3, count(queries, "hook:join"));
    assertEquals(2, count(queries, "hook:isAlive"));
    assertEquals(1, count(queries, "hook:interrupt"));
    MethodNode flag = method(sample, "interruptFlag");
    assertEquals(1, count(flag, "hook:interrupt"));
    assertEquals(1, count(flag, "hook:isInterrupted"));
    assertEquals(2, count(flag, "hook:interrupted"));
    MethodNode sleepAndYield = method(sample, "sleepAndYield");
    assertEquals(2, count(sleepAndYield, "hook:sleep"));
    assertEquals(1, count(sleepAndYield, "hook:yield"));
    for (String entry : listing(queries))
      assertFalse(entry.contains("java/lang/Thread.join"), entry);
  }

  @Test
  void lookAlikeMethodsOfOtherClassesStay() {
    MethodNode lookAlike = method(loader.rewritten("ThreadSample"), "lookAlike");
    // Only the allocation of the look-alike is reported; none of its calls is a thread's.
    assertTrue(
        listing(lookAlike).stream()
            .noneMatch(e -> e.startsWith("hook:") && !e.startsWith("hook:allocated")),
        "" + listing(lookAlike));
    assertNull(loader.rewritten("NotAThread"));
  }

  @Test
  void threadsBehaveAsBefore() throws Throwable {
    assertArrayEquals(new int[] {7, 1}, (int[]) loader.call("ThreadSample", "startJoin"));
    assertEquals(true, loader.call("ThreadSample", "joinsAndQueries"));
    assertEquals(true, loader.call("ThreadSample", "interruptFlag"));
    assertEquals(true, loader.call("ThreadSample", "sleepAndYield"));
    assertEquals(2, loader.call("ThreadSample", "lookAlike"));
  }

  /** The JDK 19+ Duration overloads, called from generated code: the hooks serve them on 17. */
  @Test
  void durationOverloadsAreReplaced() throws Throwable {
    String name = InstrumentingLoader.SAMPLES + "DurationCalls";
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(
        Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor mv =
        cw.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
            "sleepThenJoin",
            "(Ljava/lang/Thread;)Z",
            null,
            null);
    mv.visitCode();
    mv.visitLdcInsn(1L);
    mv.visitMethodInsn(
        Opcodes.INVOKESTATIC, "java/time/Duration", "ofMillis", "(J)Ljava/time/Duration;", false);
    mv.visitMethodInsn(
        Opcodes.INVOKESTATIC, "java/lang/Thread", "sleep", "(Ljava/time/Duration;)V", false);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitLdcInsn(5_000L);
    mv.visitMethodInsn(
        Opcodes.INVOKESTATIC, "java/time/Duration", "ofMillis", "(J)Ljava/time/Duration;", false);
    mv.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "(Ljava/time/Duration;)Z", false);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    InstrumentingLoader generated =
        InstrumentingLoader.forGenerated(name, cw.toByteArray());
    MethodNode method = method(generated.rewritten("DurationCalls"), "sleepThenJoin");
    assertEquals(1, count(method, "hook:sleep"));
    assertEquals(1, count(method, "hook:join"));
    Thread done = new Thread(() -> {});
    done.start();
    assertEquals(true, generated.call("DurationCalls", "sleepThenJoin", done));
  }
}
