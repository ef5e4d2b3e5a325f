package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static dev.weft.agent.testing.Bytecode.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.testing.InstrumentingLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class WaitNotifyRuleTest {
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void callsAreReplacedByHooksWithTheSiteLast() {
    byte[] rewritten = loader.rewritten("WaitNotifySample");
    MethodNode await = method(rewritten, "awaitValue");
    assertSequence(
        await, 1, "GETFIELD dev/weft/samples/agent/WaitNotifySample.lock", "PUSH", "hook:waitOn");
    assertEquals(lineOf("WaitNotifySample", "wait"), sites(await, "waitOn").get(0).line());
    MethodNode publish = method(rewritten, "publish");
    assertEquals(1, count(publish, "hook:notifyAll"));
    assertEquals(1, count(publish, "hook:notifyOne"));
    assertEquals(2, count(method(rewritten, "timedWaits"), "hook:waitOn"));
    for (MethodNode m : tree(rewritten).methods) {
      for (String left : List.of("wait", "notify", "notifyAll")) {
        assertEquals(0, count(m, "INVOKEVIRTUAL java/lang/Object." + left), m.name + " " + left);
      }
    }
  }

  @Test
  void waitAndNotifyStillWork() throws Throwable {
    assertEquals(42, loader.call("WaitNotifySample", "handOff", true));
    assertEquals(42, loader.call("WaitNotifySample", "handOff", false));
    assertEquals(true, loader.call("WaitNotifySample", "timedWaits"));
    assertEquals(2, loader.call("WaitNotifySample", "withoutMonitor"));
  }

  /** javac never emits it, other compilers may: {@code invokeinterface Runnable.notifyAll()}. */
  @Test
  void interfaceReceiverIsReplacedToo() throws Throwable {
    String name = InstrumentingLoader.SAMPLES + "InterfaceNotify";
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(
        Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor mv =
        cw.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "poke", "(Ljava/lang/Runnable;)V", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/lang/Runnable", "notifyAll", "()V", true);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    InstrumentingLoader generated =
        InstrumentingLoader.forGenerated(name, cw.toByteArray());
    MethodNode poke = method(generated.rewritten("InterfaceNotify"), "poke");
    assertEquals(1, count(poke, "hook:notifyAll"));
    Runnable receiver = () -> {};
    boolean threw = false;
    try {
      generated.call("InterfaceNotify", "poke", receiver);
    } catch (IllegalMonitorStateException expected) {
      threw = true; // not holding the monitor, exactly as without the agent
    }
    assertTrue(threw);
    generated.callHolding(receiver, "InterfaceNotify", "poke", receiver); // holding it: fine
  }
}
