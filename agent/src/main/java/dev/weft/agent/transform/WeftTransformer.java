package dev.weft.agent.transform;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.rules.Instrumenter;
import dev.weft.scheduler.hooks.WeftHooks;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.function.Consumer;

/**
 * Decides which classes are rewritten and rewrites them, once per distinct class file. Application
 * classes are those of any loader but the bootstrap and platform ones, filtered by {@link
 * AgentConfig}; of the JDK, only the few classes {@link Instrumenter#rewritesJdkClass} names.
 * Nothing ever escapes {@link #transform}: a class that cannot be rewritten is left as it is, with
 * one line on stderr. Thread-safe.
 */
public final class WeftTransformer implements ClassFileTransformer {
  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

  private final AgentConfig config;
  private final Consumer<Module> readsHooks;
  private final ClassHierarchy hierarchy = new ClassHierarchy();
  private final TransformCache cache = new TransformCache();

  /**
   * @param readsHooks called with each named module one of whose classes was rewritten, which must
   *     then read the module of {@code WeftHooks} (named modules do not read unnamed ones)
   */
  public WeftTransformer(AgentConfig config, Consumer<Module> readsHooks) {
    this.config = config;
    this.readsHooks = readsHooks;
  }

  /** Whether the class {@code className} (internal name) of {@code loader} is to be rewritten. */
  public boolean accepts(ClassLoader loader, String className) {
    if (loader == null) return Instrumenter.rewritesJdkClass(className);
    return loader != PLATFORM && config.instruments(className);
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    if (className == null
        || (classBeingRedefined != null && classBeingRedefined.isHidden())
        || !accepts(loader, className)) {
      return null;
    }
    // A controlled thread loading a class runs this in the middle of an execution, and only the
    // first time: the JDK code it calls (resource lookups lock the Hashtable of URL handlers) must
    // not count as the program's steps, or that execution alone would differ from its equivalents.
    Object weftCode = WeftHooks.weftCodeEntered();
    try {
      boolean retransform = classBeingRedefined != null;
      byte[] result =
          cache.get(
              className,
              retransform,
              classFile,
              () -> rewrite(loader, className, classFile, retransform));
      if (result != null && module != null && module.isNamed()) readsHooks.accept(module);
      return result;
    } catch (Throwable e) { // the JVM would swallow it silently and define the original class
      System.err.println(
          "[weft-agent] left " + className.replace('/', '.') + " uninstrumented: " + e);
      return null;
    } finally {
      WeftHooks.weftCodeExited(weftCode);
    }
  }

  private byte[] rewrite(
      ClassLoader loader, String className, byte[] classFile, boolean retransform) {
    Instrumenter.Result result =
        Instrumenter.instrument(
            classFile, hierarchy.view(loader, className, classFile), retransform,
            config.races());
    if (result.partiallyControlled()) PartiallyControlled.add(className);
    return result.bytes();
  }
}
