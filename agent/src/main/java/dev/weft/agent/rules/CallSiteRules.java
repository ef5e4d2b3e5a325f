package dev.weft.agent.rules;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Runs every call-site rule over every method of an application class. Each rule passes what it
 * does not handle to the next one, and hooks it emits skip the rules after it, which match none of
 * the hooks anyway.
 */
final class CallSiteRules extends ClassVisitor {
  private final RuleContext context;
  /** The class's getters that a read-only section may call, found once a section asks. */
  private final ReadOnlyGetters getters;

  CallSiteRules(ClassVisitor next, RuleContext context, byte[] classFile) {
    super(Opcodes.ASM9, next);
    this.context = context;
    this.getters = new ReadOnlyGetters(classFile);
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    context.version(version);
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    // A retransformed class cannot gain methods; an interface before Java 9 no private ones.
    if (!context.retransform() && (!isInterface || (version & 0xFFFF) >= Opcodes.V9)) {
      context.methodRefBridges(new MethodRefBridges(name, isInterface));
    }
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public void visitEnd() {
    MethodRefBridges bridges = context.methodRefBridges();
    if (bridges != null) bridges.emit(this);
    super.visitEnd();
  }

  @Override
  public void visitSource(String source, String debug) {
    context.sourceFile(source);
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    ReadOnlySections sections = new ReadOnlySections(getters);
    if (RunEntryRule.appliesTo(access, name, descriptor)) {
      mv = new RunEntryRule(mv, context, name);
    }
    mv = new FieldAccessRule(mv, context, name);
    if (context.races()) mv = new ArrayElementRule(mv, context, name);
    mv = new ThreadMethodRule(mv, context, name);
    mv = new TimeCallRule(mv, context, name);
    mv = new HashCallRule(mv, context, name);
    mv = new AllocationRule(mv, context, name);
    mv = new WaitNotifyRule(mv, context, name);
    mv = new MonitorRule(mv, context, name, sections);
    mv = new ConcurrentCallRule(
        mv, context, sections, access, name, descriptor, signature, exceptions);
    // Outermost of the rules: its hook goes before whatever the others make of the instruction.
    mv = new ClassUseRule(mv, context, name);
    // Before any rule: the analysis reads the method as compiled.
    return sections.analyzing(
        mv, context.className(), access, name, descriptor, signature, exceptions);
  }
}
