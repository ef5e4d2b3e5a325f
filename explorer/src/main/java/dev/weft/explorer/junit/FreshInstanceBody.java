package dev.weft.explorer.junit;

import dev.weft.explorer.api.Body;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One execution of a JUnit 5 test method, an {@link InterleavingTest}'s or the one {@code weft run
 * --test} explores: a fresh instance of the test class, its
 * {@code @BeforeEach} methods (superclass first), the test method, its {@code @AfterEach} methods
 * (subclass first), all inside the execution. Fresh because an execution must start from the same
 * state every time, or its replay would not be the same execution: fields set by one execution
 * would be seen by the next.
 *
 * <p>JUnit's annotations are matched by name, and no JUnit class is linked: the command line loads
 * the test class and its JUnit in a class loader of their own, with none on Weft's class path.
 * Internal: public for the command line.
 */
public final class FreshInstanceBody implements Body {
  private final Constructor<?> constructor;
  private final Object enclosing;
  private final List<Method> before;
  private final Method test;
  private final List<Method> after;

  private FreshInstanceBody(Constructor<?> constructor, Object enclosing, List<Method> before,
      Method test, List<Method> after) {
    this.constructor = constructor;
    this.enclosing = enclosing;
    this.before = before;
    this.test = test;
    this.after = after;
  }

  /**
   * @param enclosing the instance of the enclosing class when {@code testClass} is an inner
   *     ({@code @Nested}) class, else null
   * @throws IllegalArgumentException when the class cannot be instantiated without JUnit's help, or
   *     a method takes parameters; the message says what to change
   */
  public static FreshInstanceBody of(Class<?> testClass, Method test, Object enclosing) {
    requireNoParameters(test,
        annotated(test, "dev.weft.explorer.junit.InterleavingTest") ? "InterleavingTest" : "Test");
    Constructor<?> constructor;
    try {
      constructor = enclosing == null
          ? testClass.getDeclaredConstructor()
          : testClass.getDeclaredConstructor(testClass.getEnclosingClass());
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(testClass.getName() + " needs a constructor"
          + " without parameters: each execution of an explored test runs on a fresh"
          + " instance, which Weft creates itself. Move what the constructor takes into the"
          + " test method or a @BeforeEach method without parameters.");
    }
    constructor.setAccessible(true);
    test.setAccessible(true);
    List<Method> before = lifecycle(testClass, "org.junit.jupiter.api.BeforeEach");
    List<Method> after = lifecycle(testClass, "org.junit.jupiter.api.AfterEach");
    Collections.reverse(after);
    return new FreshInstanceBody(constructor, enclosing, before, test, after);
  }

  /** Whether {@code c} is an inner class, whose instances need one of the enclosing class. */
  public static boolean isInner(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
  }

  /** The class's methods with the annotation, superclass first, each made callable. */
  private static List<Method> lifecycle(Class<?> testClass, String annotation) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Method> methods = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Method m : c.getDeclaredMethods()) {
        if (!annotated(m, annotation) || isOverridden(m, testClass)) continue;
        requireNoParameters(m, annotation.substring(annotation.lastIndexOf('.') + 1));
        m.setAccessible(true);
        methods.add(m);
      }
    }
    return methods;
  }

  private static boolean annotated(Method m, String annotation) {
    for (java.lang.annotation.Annotation a : m.getAnnotations()) {
      if (a.annotationType().getName().equals(annotation)) return true;
    }
    return false;
  }

  /** An overridden lifecycle method runs once, as the subclass's (as JUnit runs it). */
  private static boolean isOverridden(Method m, Class<?> testClass) {
    if (Modifier.isPrivate(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) return false;
    for (Class<?> c = testClass; c != m.getDeclaringClass(); c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod(m.getName());
        return true;
      } catch (NoSuchMethodException e) {
        // not declared here; look further up
      }
    }
    return false;
  }

  private static void requireNoParameters(Method m, String role) {
    if (m.getParameterCount() != 0) {
      throw new IllegalArgumentException("@" + role + " method " + m.getDeclaringClass()
          .getSimpleName() + "." + m.getName() + " takes parameters, which Weft cannot supply"
          + " inside an execution: create what it needs in the method itself.");
    }
  }

  @Override
  public void run() throws Throwable {
    Object instance = enclosing == null
        ? invoke(() -> constructor.newInstance())
        : invoke(() -> constructor.newInstance(enclosing));
    try {
      for (Method m : before) call(m, instance);
      call(test, instance);
    } finally {
      for (Method m : after) call(m, instance);
    }
  }

  private static void call(Method m, Object instance) throws Throwable {
    invoke(() -> m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instance));
  }

  /** Reflection's wrapper removed: the execution fails with what the test threw. */
  private static Object invoke(Reflective call) throws Throwable {
    try {
      return call.run();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface Reflective {
    Object run() throws ReflectiveOperationException;
  }
}
