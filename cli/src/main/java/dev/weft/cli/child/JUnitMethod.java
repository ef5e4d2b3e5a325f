package dev.weft.cli.child;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One JUnit 5 test method, {@code CLASS#METHOD}, as {@code weft run --test} names it. The JUnit
 * Platform launcher of the program's class path decides, once and before any execution, that the
 * method is a test JUnit would run; each execution then runs it on a fresh instance ({@code
 * FreshInstanceBody}) without the launcher, whose own work (discovery, descriptors, listeners)
 * would add scheduling points that depend on what earlier executions left in the JVM, so a
 * schedule would not replay in a fresh one. Weft's class path has no JUnit: the launcher is called
 * by reflection, through its public types.
 */
final class JUnitMethod {
  private static final String INTERLEAVING_TEST = "dev.weft.explorer.junit.InterleavingTest";

  private final ClassLoader loader;
  private final String selector;

  /** @param selector {@code CLASS#METHOD} */
  JUnitMethod(ClassLoader loader, String selector) {
    this.loader = loader;
    this.selector = selector;
  }

  /** Whether {@code name} names a test method ({@code CLASS#METHOD}) rather than a main class. */
  static boolean isSelector(String name) {
    return name.indexOf('#') > 0;
  }

  static String className(String selector) {
    return selector.substring(0, selector.indexOf('#'));
  }

  static String methodName(String selector) {
    return selector.substring(selector.indexOf('#') + 1);
  }

  /**
   * The test method of {@code testClass}, checked: JUnit's launcher finds it as a test, and it is
   * not an {@code @InterleavingTest}, which explores itself.
   *
   * @throws IllegalArgumentException with what to fix
   */
  Method check(Class<?> testClass) {
    Method method = find(testClass, methodName(selector));
    for (var a : method.getAnnotations()) {
      if (a.annotationType().getName().equals(INTERLEAVING_TEST)) {
        throw new IllegalArgumentException(selector + " is an @InterleavingTest, which explores"
            + " itself: run it with JUnit (mvn test -Dtest=" + testClass.getSimpleName() + "#"
            + method.getName() + "), or make it a plain @Test for weft run --test");
      }
    }
    Object selectors = Array.newInstance(load("org.junit.platform.engine.DiscoverySelector"), 1);
    Array.set(selectors, 0, call("org.junit.platform.engine.discovery.DiscoverySelectors",
        "selectMethod", null, selector));
    String builder = "org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder";
    Object request = call(builder, "build",
        call(builder, "selectors", call(builder, "request", null), selectors));
    Object launcher = call("org.junit.platform.launcher.core.LauncherFactory", "create", null);
    Object plan = call("org.junit.platform.launcher.Launcher", "discover", launcher, request);
    if (!(Boolean) call("org.junit.platform.launcher.TestPlan", "containsTests", plan)) {
      throw new IllegalArgumentException("JUnit finds no test " + selector + "(): name a JUnit 5"
          + " @Test method without parameters, as CLASS#METHOD");
    }
    return method;
  }

  /** The method {@code name()}, declared by {@code c} or a superclass. */
  static Method find(Class<?> c, String name) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        return k.getDeclaredMethod(name);
      } catch (NoSuchMethodException e) {
        // not declared here; look further up
      }
    }
    throw new IllegalArgumentException("class " + c.getName() + " has no method " + name
        + "() without parameters; name a JUnit 5 @Test method as CLASS#METHOD");
  }

  /** Calls the public method {@code name} of {@code type} that takes {@code args}. */
  private Object call(String type, String name, Object target, Object... args) {
    for (Method m : load(type).getMethods()) {
      if (!m.getName().equals(name) || !takes(m, args)) continue;
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException | IllegalAccessException e) {
        throw new IllegalStateException("JUnit's " + type + "." + name + " failed", e);
      }
    }
    throw new IllegalArgumentException("the JUnit Platform on the class path has no " + type + "."
        + name + "; use JUnit 5.8 or newer");
  }

  private static boolean takes(Method m, Object[] args) {
    Class<?>[] types = m.getParameterTypes();
    if (types.length != args.length) return false;
    for (int i = 0; i < types.length; i++) {
      if (!types[i].isInstance(args[i])) return false;
    }
    return true;
  }

  private Class<?> load(String type) {
    try {
      return Class.forName(type, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("the JUnit Platform launcher is not on the class path ("
          + type + " not found); add the junit-platform-launcher jar, of the version of your"
          + " junit-jupiter, to --classpath");
    }
  }
}
