package dev.weft.agent.rules;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;

/**
 * Applies the rules to one class file. Pure: no class is loaded, and the same input and type
 * information give the same output (with fresh site indices). Thread-safe.
 */
public final class Instrumenter {
  /** The scheduler's jar, carried inside the agent's. */
  public static final String NESTED_SCHEDULER_JAR = "weft-scheduler.jar";

  private static final String THREAD_CLASS = "java/lang/Thread";

  private Instrumenter() {}

  /**
   * Reads which class declares each hook, before the first class is rewritten: read from the
   * transformer, the classes that reading loads would be rewritten in the middle of it, by rules
   * that need it (an {@link ExceptionInInitializerError}, and JDK classes left unrewritten).
   */
  public static void prepare() {
    HookOwners.of("monitorEnter");
  }

  /** Whether {@link #instrument} has anything for the JDK class {@code className}. */
  public static boolean rewritesJdkClass(String className) {
    return JdkRules.rewrites(className);
  }

  /**
   * The outcome for one class.
   *
   * @param bytes the rewritten class file, or null when no rule applied
   * @param partiallyControlled some synchronized method had to stay synchronized
   */
  public record Result(byte[] bytes, boolean partiallyControlled) {}

  /**
   * Rewrites {@code classFile}. JDK classes ({@code java/...}, and the few others {@link JdkRules}
   * names) get {@link JdkRules}, and {@code
   * java/lang/Thread} its lifecycle rule too; any other class is taken as application code.
   *
   * @param retransform the class is already defined, so no modifier may change
   * @param races plain field and array accesses of application classes get hooks too
   * @throws IllegalArgumentException if ASM cannot parse the class file
   */
  public static Result instrument(
      byte[] classFile, TypeInfo types, boolean retransform, boolean races) {
    ClassReader reader = new ClassReader(classFile);
    RuleContext context = new RuleContext(reader.getClassName(), types, retransform, races);
    // COMPUTE_MAXS only: every rule keeps the existing stack map frames valid or adds its own.
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    String name = context.className();
    ClassVisitor rules;
    if (name.equals(THREAD_CLASS)) {
      rules = new ThreadLifecycleRule(new JdkRules(writer, context), context);
    } else if (name.startsWith("java/") || JdkRules.rewrites(name)) {
      rules = new JdkRules(writer, context);
    } else {
      rules = new SynchronizedMethodRule(
          new CallSiteRules(new ClassInitializerRule(writer, context), context, classFile),
          context);
    }
    reader.accept(rules, 0);
    return new Result(
        context.changed() ? writer.toByteArray() : null, context.partiallyControlled());
  }
}
