package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.testing.InstrumentingLoader;
import dev.weft.scheduler.trace.Site;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

class FieldAccessRuleTest {
  private static final String SAMPLE = "dev/weft/samples/agent/VolatileSample";
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void everyVolatileAccessGetsItsHookAndPlainOnesDoNot() {
    MethodNode m = method(loader.rewritten("VolatileSample"), "writeThenRead");
    assertEquals(6, count(m, "hook:volatileWrite"));
    assertEquals(6, count(m, "hook:volatileRead"));
    // one-slot value, then two-slot value: copy the owner from under it
    assertSequence(
        m,
        1,
        "ICONST_1",
        "DUP2",
        "POP",
        "PUSH",
        "hook:volatileWrite",
        "PUTFIELD " + SAMPLE + ".flag");
    assertSequence(
        m,
        1,
        "DUP2_X1",
        "POP2",
        "DUP_X2",
        "PUSH",
        "hook:volatileWrite",
        "PUTFIELD " + SAMPLE + ".big");
    assertSequence(m, 1, "DUP", "PUSH", "hook:volatileRead", "GETFIELD " + SAMPLE + ".flag");
    assertSequence(
        m, 1, "ACONST_NULL", "PUSH", "hook:volatileWrite", "PUTSTATIC " + SAMPLE + ".shared");
    assertSequence(
        m, 1, "ACONST_NULL", "PUSH", "hook:volatileRead", "GETSTATIC " + SAMPLE + ".shared");
    assertSequence(m, 0, "hook:volatileWrite", "PUTFIELD " + SAMPLE + ".plain");
  }

  @Test
  void inheritedFieldIsResolvedInItsDeclaringClass() {
    MethodNode m = method(loader.rewritten("VolatileSample"), "writeThenRead");
    List<Site> writes = sites(m, "volatileWrite");
    Site inherited = writes.get(5);
    assertEquals("VolatileBase.inherited", inherited.detail());
    assertEquals(lineOf("VolatileSample", "inherited"), inherited.line());
    assertEquals("VolatileSample.flag", writes.get(0).detail());
  }

  @Test
  void constructorWriteAfterSuperIsHooked() {
    MethodNode init = method(loader.rewritten("VolatileSample"), "<init>");
    assertSequence(init, 1, "PUSH", "hook:volatileWrite", "PUTFIELD " + SAMPLE + ".flag");
    assertEquals(
        lineOf("VolatileSample", "constructor"), sites(init, "volatileWrite").get(0).line());
  }

  @Test
  void valuesAreUnchanged() throws Throwable {
    Object[] values = (Object[]) loader.call("VolatileSample", "writeThenRead");
    assertArrayEquals(new Object[] {1, 1L << 40, 0.5, "ref", 7, 3L, 9}, values);
    assertEquals(42, loader.call("VolatileSample", "handOff"));
  }

  /**
   * A write to this object's volatile field before {@code super()} (legal bytecode, and Java 25's
   * flexible constructor bodies): the receiver is uninitialized, so no hook may take it.
   */
  @Test
  void writeBeforeSuperIsNotHooked() throws Throwable {
    String name = InstrumentingLoader.SAMPLES + "EarlyWrite";
    String internal = name.replace('.', '/');
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internal, null, "java/lang/Object", null);
    cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_VOLATILE, "value", "I", null, null).visitEnd();
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitIntInsn(Opcodes.BIPUSH, 5);
    init.visitFieldInsn(Opcodes.PUTFIELD, internal, "value", "I"); // before super()
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitTypeInsn(Opcodes.NEW, "java/lang/Object"); // an unrelated <init> first
    init.visitInsn(Opcodes.DUP);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.POP);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitFieldInsn(Opcodes.GETFIELD, internal, "value", "I");
    init.visitInsn(Opcodes.ICONST_1);
    init.visitInsn(Opcodes.IADD);
    init.visitFieldInsn(Opcodes.PUTFIELD, internal, "value", "I"); // after super()
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    cw.visitEnd();
    InstrumentingLoader generated =
        InstrumentingLoader.forGenerated(name, cw.toByteArray());
    MethodNode rewritten = method(generated.rewritten("EarlyWrite"), "<init>");
    assertEquals(1, count(rewritten, "hook:volatileWrite"));
    assertEquals(1, count(rewritten, "hook:volatileRead"));
    Object instance = generated.load("EarlyWrite").getConstructor().newInstance();
    assertEquals(6, instance.getClass().getField("value").get(instance));
  }

  @Test
  void plainAccessesGetHooksOnlyWithRaceDetection() {
    MethodNode off = method(loader.rewritten("RacySample"), "touchAll");
    assertEquals(0, count(off, "hook:plainRead") + count(off, "hook:plainWrite"));
    assertEquals(0, count(off, "hook:elementRead") + count(off, "hook:elementWrite"));

    MethodNode on = method(InstrumentingLoader.withRaces().rewritten("RacySample"), "touchAll");
    String racy = "dev/weft/samples/agent/RacySample";
    assertSequence(on, 1, "ICONST_5", "DUP2", "POP", "PUSH", "hook:plainWrite",
        "PUTFIELD " + racy + ".count");
    assertSequence(on, 1, "DUP2_X1", "POP2", "DUP_X2", "PUSH", "hook:plainWrite",
        "PUTFIELD " + racy + ".big");
    assertSequence(on, 1, "DUP", "PUSH", "hook:plainRead", "GETFIELD " + racy + ".count");
    assertSequence(on, 1, "ACONST_NULL", "PUSH", "hook:plainWrite",
        "PUTSTATIC " + racy + ".statics");
    // count, big and statics written; count, big, statics and table (three times) read
    assertEquals(3, count(on, "hook:plainWrite"));
    assertEquals(6, count(on, "hook:plainRead"));
    // a final field never changes after construction; a volatile one keeps its own hook
    assertSequence(on, 0, "hook:plainRead", "GETFIELD " + racy + ".fixed");
    assertEquals(1, count(on, "hook:volatileWrite"));
    assertEquals("dev.weft.samples.agent.RacySample.count",
        sites(on, "plainRead").get(0).detail());
  }

  @Test
  void arrayElementsOfEveryWidthGetHooks() {
    InstrumentingLoader races = InstrumentingLoader.withRaces();
    MethodNode on = method(races.rewritten("RacySample"), "touchAll");
    for (String store : List.of("LASTORE", "DASTORE")) { // two-slot values
      assertSequence(on, count(on, store),
          "DUP2_X2", "POP2", "DUP2_X2", "PUSH", "hook:elementWrite", store);
    }
    for (String store : List.of("AASTORE", "IASTORE")) {
      assertSequence(on, count(on, store),
          "DUP_X2", "POP", "DUP2_X1", "PUSH", "hook:elementWrite", store);
    }
    for (String load : List.of("DALOAD", "AALOAD", "IALOAD")) {
      assertSequence(on, count(on, load), "DUP2", "PUSH", "hook:elementRead", load);
    }
    assertEquals(count(on, "LASTORE") + count(on, "DASTORE") + count(on, "AASTORE")
        + count(on, "IASTORE"), count(on, "hook:elementWrite"));
    // the static initializer fills its array unhooked: class initialization is ordered already
    MethodNode clinit = method(races.rewritten("RacySample"), "<clinit>");
    assertEquals(0, count(clinit, "hook:elementWrite") + count(clinit, "hook:plainWrite"));
  }

  @Test
  void valuesAreUnchangedWithRaceHooks() throws Throwable {
    InstrumentingLoader races = InstrumentingLoader.withRaces();
    Object[] values = (Object[]) races.call("RacySample", "touchAll");
    assertArrayEquals(new Object[] {5, (1L << 40) + 4, 7L, 1.0, "ac", 4, true}, values);
    assertEquals(-1, races.call("RacySample", "outOfRange"));
  }
}
