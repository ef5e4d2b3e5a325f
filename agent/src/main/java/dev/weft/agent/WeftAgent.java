package dev.weft.agent;

import dev.weft.agent.rules.Instrumenter;
import dev.weft.agent.transform.WeftTransformer;
import dev.weft.scheduler.runtime.JdkStructures;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the {@code -javaagent} jar ({@code Premain-Class} and {@code Agent-Class}).
 *
 * <pre>
 *   premain / agentmain
 *     1. scheduler jar onto the bootstrap class path, java.base reads it   (SchedulerBootstrap)
 *     2. transformer registered, able to retransform                      (WeftTransformer)
 *     3. JDK classes already loaded retransformed (Thread, LockSupport, ...)
 *     4. agentmain only: classes already loaded are retransformed
 *     5. system property weft.agent.installed=true (and weft.agent.races=true with "races")
 * </pre>
 *
 * Installing twice (two -javaagent options, or agentmain after premain) does nothing the second
 * time. Agent arguments: {@code include=com.acme,org.foo;exclude=com.acme.gen}, see {@link
 * AgentConfig}.
 */
public final class WeftAgent {
  /** Set to "true" once the agent is installed. */
  public static final String INSTALLED_PROPERTY = "weft.agent.installed";
  /** Set to "true" when plain accesses are instrumented, so races can be detected. */
  public static final String RACES_PROPERTY = "weft.agent.races";

  private static boolean installed;

  private WeftAgent() {}

  public static void premain(String agentArgs, Instrumentation inst) throws Exception {
    install(agentArgs, inst, false);
  }

  public static void agentmain(String agentArgs, Instrumentation inst) throws Exception {
    install(agentArgs, inst, true);
  }

  private static synchronized void install(String agentArgs, Instrumentation inst, boolean late)
      throws Exception {
    if (installed) return;
    installed = true;
    Module hooks = SchedulerBootstrap.install(inst);
    AgentConfig config = AgentConfig.from(agentArgs, System.getProperties());
    // Loads the scheduler classes that decide which JDK classes are rewritten now: loaded later,
    // from the transformer, their own loading would ask them (a ClassCircularityError).
    JdkStructures.instrumented("java/lang/Object");
    Instrumenter.prepare();
    WeftTransformer transformer =
        new WeftTransformer(config, module -> SchedulerBootstrap.readHooks(inst, module, hooks));
    inst.addTransformer(transformer, true);
    retransformJdk(inst);
    if (late) retransformLoaded(inst, transformer);
    if (config.races()) System.setProperty(RACES_PROPERTY, "true");
    System.setProperty(INSTALLED_PROPERTY, "true");
  }

  /** Rewrites the JDK classes Weft needs that are loaded already (Thread always is). */
  private static void retransformJdk(Instrumentation inst) throws UnmodifiableClassException {
    List<Class<?>> jdk = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.getClassLoader() == null && !c.isArray() && !c.isHidden()
          && Instrumenter.rewritesJdkClass(c.getName().replace('.', '/'))
          && inst.isModifiableClass(c)) {
        jdk.add(c);
      }
    }
    inst.retransformClasses(jdk.toArray(new Class<?>[0]));
  }

  /**
   * Rewrites the application classes loaded before the agent. Their synchronized methods stay
   * synchronized (modifiers cannot change now), which the transformer reports.
   */
  private static void retransformLoaded(Instrumentation inst, WeftTransformer transformer) {
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.getClassLoader() == null
          || c.isHidden()
          || !inst.isModifiableClass(c)
          || !transformer.accepts(c.getClassLoader(), c.getName().replace('.', '/'))) {
        continue;
      }
      try {
        inst.retransformClasses(c); // one at a time: a failure leaves only that class as it was
      } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
        System.err.println("[weft-agent] could not retransform " + c.getName() + ": " + e);
      }
    }
  }
}
