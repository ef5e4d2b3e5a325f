package dev.weft.explorer.junit;

import dev.weft.explorer.api.Body;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.TestInstances;

/**
 * One execution of an {@link InterleavingTest}: a fresh instance of the test class, its
 * {@code @BeforeEach} methods (superclass first), the test method, its {@code @AfterEach} methods
 * (subclass first), all inside the execution. Fresh because an execution must start from the same
 * state every time, or its replay would not be the same execution: fields set by one execution
 * would be seen by the next.
 */
final class FreshInstanceBody implements Body {
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
   * @throws ExtensionConfigurationException when the class cannot be instantiated without JUnit's
   *     help, or a method takes parameters; the message says what to change
   */
  static FreshInstanceBody of(Class<?> testClass, Method test, TestInstances instances) {
    requireNoParameters(test, "@InterleavingTest");
    Object enclosing = null;
    Constructor<?> constructor;
    try {
      if (isInner(testClass)) {
        Class<?> outer = testClass.getEnclosingClass();
        enclosing = instances.findInstance(outer).orElseThrow();
        constructor = testClass.getDeclaredConstructor(outer);
      } else {
        constructor = testClass.getDeclaredConstructor();
      }
    } catch (NoSuchMethodException e) {
      throw new ExtensionConfigurationException(testClass.getName() + " needs a constructor"
          + " without parameters: each execution of an @InterleavingTest runs on a fresh"
          + " instance, which Weft creates itself. Move what the constructor takes into the"
          + " test method or a @BeforeEach method without parameters.");
    }
    constructor.setAccessible(true);
    test.setAccessible(true);
    List<Method> before = lifecycle(testClass, BeforeEach.class);
    List<Method> after = lifecycle(testClass, AfterEach.class);
    Collections.reverse(after);
    return new FreshInstanceBody(constructor, enclosing, before, test, after);
  }

  private static boolean isInner(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
  }

  /** The class's methods with the annotation, superclass first, each made callable. */
  private static List<Method> lifecycle(
      Class<?> testClass, Class<? extends java.lang.annotation.Annotation> annotation) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Method> methods = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(annotation) || isOverridden(m, testClass)) continue;
        requireNoParameters(m, "@" + annotation.getSimpleName());
        m.setAccessible(true);
        methods.add(m);
      }
    }
    return methods;
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
      throw new ExtensionConfigurationException(role + " method " + m.getDeclaringClass()
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
