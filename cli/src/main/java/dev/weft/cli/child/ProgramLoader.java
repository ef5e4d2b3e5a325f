package dev.weft.cli.child;

import dev.weft.explorer.explore.ProgramBody;
import dev.weft.scheduler.hooks.WeftHooks;
import dev.weft.explorer.junit.FreshInstanceBody;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads the user's program for one execution, so that every execution starts with fresh static
 * state, as the program would in a JVM of its own. Its parent is the platform class loader: the
 * program sees the JDK but none of Weft's classes (nor Weft's copy of a library it also uses).
 * Class bytes come from the shared {@link ProgramClassPath}; only {@code defineClass} repeats, and
 * the agent rewrites each class file once and caches the result. Assertions are enabled, as with
 * {@code java -ea}.
 */
final class ProgramLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final ProgramClassPath classPath;

  ProgramLoader(ProgramClassPath classPath) {
    super(ClassLoader.getPlatformClassLoader()); // unnamed: a name would prefix every stack frame
    this.classPath = classPath;
    setDefaultAssertionStatus(true);
  }

  /**
   * The body that runs {@code className.main(args)} in a new loader each time, each time with a
   * fresh copy of {@code args}, since main may change its array, and each time after calling
   * {@code atStart}, which marks where an execution begins. The main
   * method is checked now, in a loader of its own; the class it loaded is the body's {@link
   * ProgramBody#programClass()}, through which schedules hash the program's class files. What main
   * throws escapes the body as it is.
   *
   * @throws IllegalArgumentException when the class is not on the class path, cannot be loaded, or
   *     has no {@code public static void main(String[])}; the message says what to fix
   */
  static ProgramBody mainBody(String classpath, String className, List<String> args,
      Runnable atStart) {
    ProgramClassPath path = new ProgramClassPath(classpath);
    ProgramLoader first = new ProgramLoader(path);
    first.main(className);
    Class<?> mainClass = first.load(className);
    return new ProgramBody() {
      @Override
      public void run() throws Throwable {
        atStart.run();
        ProgramLoader loader = new ProgramLoader(path);
        MethodHandle main = loader.main(className);
        // Threads the program starts inherit it, so ServiceLoader and the like find its classes.
        Thread.currentThread().setContextClassLoader(loader);
        main.invokeExact(args.toArray(String[]::new));
      }

      @Override
      public Class<?> programClass() {
        return mainClass;
      }

      @Override
      public boolean loadsClassesAfresh() {
        return true;
      }
    };
  }

  /**
   * The body that runs the JUnit 5 test method {@code selector} ({@code CLASS#METHOD}) on a fresh
   * instance, in a new loader each time, after calling {@code atStart}. The method is checked now
   * through JUnit's launcher ({@link JUnitMethod#check}), in a loader of its own; the test class is
   * the body's {@link ProgramBody#programClass()}. What the test throws escapes the body as it is.
   *
   * @throws IllegalArgumentException when the class is not on the class path, the launcher is
   *     missing, or JUnit finds no such test; the message says what to fix
   */
  static ProgramBody testBody(String classpath, String selector, Runnable atStart) {
    ProgramClassPath path = new ProgramClassPath(classpath);
    ProgramLoader first = new ProgramLoader(path);
    Class<?> testClass = first.load(JUnitMethod.className(selector));
    if (FreshInstanceBody.isInner(testClass)) {
      throw new IllegalArgumentException(testClass.getName() + " is an inner (@Nested) class;"
          + " weft run --test explores methods of top-level or static nested classes");
    }
    first.withContext(() -> FreshInstanceBody.of(testClass,
        new JUnitMethod(first, selector).check(testClass), null));
    return new ProgramBody() {
      @Override
      public void run() throws Throwable {
        atStart.run();
        ProgramLoader loader = new ProgramLoader(path);
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> fresh = loader.load(testClass.getName());
        FreshInstanceBody.of(fresh, JUnitMethod.find(fresh, JUnitMethod.methodName(selector)),
            null).run();
      }

      @Override
      public Class<?> programClass() {
        return testClass;
      }

      @Override
      public boolean loadsClassesAfresh() {
        return true;
      }
    };
  }

  /** Runs {@code action} with this loader as the thread's context class loader. */
  private void withContext(Runnable action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(this);
    try {
      action.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** {@code main(String[])} of {@code className}, loaded by this loader but not initialized. */
  MethodHandle main(String className) {
    try {
      Method main = load(className).getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
        throw noMain(className);
      }
      main.setAccessible(true); // the class itself may be package-private, as java allows
      return MethodHandles.lookup().unreflect(main);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw noMain(className);
    } catch (LinkageError e) {
      throw cannotLoad(className, e);
    }
  }

  /** {@code className}, loaded by this loader but not initialized. */
  Class<?> load(String className) {
    try {
      return Class.forName(className, false, this);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("class " + className + " not found on the class path "
          + classPath.text() + "; check the class name and the path");
    } catch (LinkageError e) {
      throw cannotLoad(className, e);
    }
  }

  private IllegalArgumentException cannotLoad(String className, LinkageError e) {
    return new IllegalArgumentException("class " + className + " cannot be loaded from "
        + classPath.text() + " (" + e + "); compile it for Java " + Runtime.version().feature()
        + " or older and put all it needs on the class path");
  }

  private static IllegalArgumentException noMain(String className) {
    return new IllegalArgumentException("class " + className
        + " has no public static void main(String[]); name a class that has one");
  }

  /**
   * Loading a class is Weft's work, not a step of the program's, though the program's thread does
   * it in the middle of an execution: the JDK code it runs must not enter the scheduler's model. It
   * also differs from one execution to the next, as the class path reads each class file and opens
   * each jar once (the first {@code jar:} URL of a kind locks the {@code Hashtable} of URL
   * handlers), so an execution that loaded a class first would not replay in a fresh JVM, where it
   * loads the class first again.
   */
  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    Object weftCode = WeftHooks.weftCodeEntered();
    try {
      return super.loadClass(name, resolve);
    } finally {
      WeftHooks.weftCodeExited(weftCode);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] classFile = classPath.classFile(name);
    if (classFile == null) throw new ClassNotFoundException(name);
    return defineClass(name, classFile, 0, classFile.length);
  }

  /** Weft's work, as {@link #loadClass} is: the class path opens each jar once. */
  @Override
  protected URL findResource(String name) {
    Object weftCode = WeftHooks.weftCodeEntered();
    try {
      return classPath.findResource(name);
    } finally {
      WeftHooks.weftCodeExited(weftCode);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    Object weftCode = WeftHooks.weftCodeEntered();
    try {
      return classPath.findResources(name);
    } finally {
      WeftHooks.weftCodeExited(weftCode);
    }
  }
}
