package dev.weft.agent;

import dev.weft.agent.rules.Instrumenter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Puts the scheduler, carried inside the agent jar as {@value #NESTED_JAR}, on the bootstrap class
 * path, so that the one copy of {@code WeftHooks} is visible to java.lang.Thread and to every class
 * loader. Must run before anything touches a scheduler class: a copy loaded earlier by the
 * application loader would be a second, disconnected runtime.
 */
final class SchedulerBootstrap {
  static final String NESTED_JAR = Instrumenter.NESTED_SCHEDULER_JAR;
  static final String HOOKS_CLASS = "dev.weft.scheduler.hooks.WeftHooks";
  private static final String HOOKS_RESOURCE = HOOKS_CLASS.replace('.', '/') + ".class";

  private SchedulerBootstrap() {}

  /**
   * Returns the module of {@code WeftHooks}: the bootstrap loader's unnamed module. A launcher that
   * already put the scheduler on {@code -Xbootclasspath/a} (which spares the JVM's warning about
   * class sharing being cut back after an append) gets no second copy.
   */
  static Module install(Instrumentation inst) throws IOException, ClassNotFoundException {
    // A resource lookup, not a class lookup: a failed bootstrap class lookup may be remembered.
    if (ClassLoader.getPlatformClassLoader().getResource(HOOKS_RESOURCE) == null) append(inst);
    Module hooks = Class.forName(HOOKS_CLASS, false, null).getModule();
    // Rewritten java.lang.Thread calls the hooks: java.base must read the module they live in.
    readHooks(inst, Object.class.getModule(), hooks);
    // Deadlock reports name who holds a java.util.concurrent lock: the runtime reads its owner.
    // Sockets of controlled threads wait through the runtime, which polls them with the JDK's own
    // primitives (NativeSockets).
    inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
        Map.of("java.util.concurrent.locks", Set.of(hooks), "sun.nio.ch", Set.of(hooks)),
        Set.of(), Map.of());
    return hooks;
  }

  private static void append(Instrumentation inst) throws IOException {
    Path jar = Files.createTempFile("weft-scheduler-", ".jar");
    jar.toFile().deleteOnExit();
    try (InputStream nested = SchedulerBootstrap.class.getResourceAsStream("/" + NESTED_JAR)) {
      if (nested == null) throw new IOException(NESTED_JAR + " is missing from the agent jar");
      Files.copy(nested, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
  }

  /** Lets {@code module} read {@code hooks}, unless it already does. */
  static void readHooks(Instrumentation inst, Module module, Module hooks) {
    if (!module.canRead(hooks)) {
      inst.redefineModule(module, Set.of(hooks), Map.of(), Map.of(), Set.of(), Map.of());
    }
  }
}
