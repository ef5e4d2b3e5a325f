package dev.weft.testbench.corpus;

import dev.weft.scheduler.hooks.WeftHooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Loads the classes of the corpus's programs package afresh, as {@code weft run} loads a program for
 * each execution, so that their static initializers run again in every execution; every other class
 * comes from the loader of the corpus itself. Class files are read once and kept; only their
 * definition repeats, and the agent rewrites each class file once. Assertions are on, as for the
 * corpus (a correct program whose asserts were off would pass vacuously).
 */
final class FreshClasses extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final String packagePrefix;
  private final Map<String, byte[]> classFiles;

  private FreshClasses(ClassLoader parent, String packageName, Map<String, byte[]> classFiles) {
    super(parent);
    this.packagePrefix = packageName + ".";
    this.classFiles = classFiles;
    setDefaultAssertionStatus(true);
  }

  /** A source of fresh loaders for the package of {@code type}, sharing the class files read. */
  static Supplier<ClassLoader> of(Class<?> type) {
    Map<String, byte[]> classFiles = new ConcurrentHashMap<>();
    return () -> new FreshClasses(type.getClassLoader(), type.getPackageName(), classFiles);
  }

  /**
   * Loading a class is Weft's work, not a step of the program's, though the program's thread does
   * it in the middle of an execution: the JDK code it runs must not enter the scheduler's model,
   * which would make the execution that loads a class first differ from the others.
   */
  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(packagePrefix) || name.indexOf('.', packagePrefix.length()) >= 0) {
      return super.loadClass(name, resolve);
    }
    Object weftCode = WeftHooks.weftCodeEntered();
    try {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes = classFiles.computeIfAbsent(name, this::read);
          c = defineClass(name, bytes, 0, bytes.length);
        }
        if (resolve) resolveClass(c);
        return c;
      }
    } finally {
      WeftHooks.weftCodeExited(weftCode);
    }
  }

  private byte[] read(String name) {
    String file = name.replace('.', '/') + ".class";
    try (InputStream in = getParent().getResourceAsStream(file)) {
      if (in == null) throw new IllegalStateException("no class file " + file + " for " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
