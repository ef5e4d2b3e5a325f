package dev.weft.testbench.corpus;

import dev.weft.explorer.api.FailureKind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;

/**
 * One corpus program: its class, its declared verdict and its {@code main}. Immutable.
 *
 * @param type the program's class; never null
 * @param expectedFailure how the program fails, or empty when it is declared correct
 * @param main {@code public static void main(String[])} of {@code type}; never null
 */
public record Program(Class<?> type, Optional<FailureKind> expectedFailure, MethodHandle main) {

  public Program {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(expectedFailure, "expectedFailure");
    Objects.requireNonNull(main, "main");
  }

  /**
   * Reads the program's {@link Expect} and finds its {@code main}.
   *
   * @throws IllegalArgumentException when the class has no {@code @Expect}, a malformed one, or no
   *     public static {@code main(String[])}
   */
  public static Program of(Class<?> type) {
    Expect expect = type.getAnnotation(Expect.class);
    if (expect == null) {
      throw new IllegalArgumentException(type.getName() + " declares no verdict: add @Expect");
    }
    FailureKind[] kinds = expect.kind();
    int wanted = expect.bug() ? 1 : 0;
    if (kinds.length != wanted) {
      throw new IllegalArgumentException(type.getName() + ": @Expect(bug = " + expect.bug()
          + ") must name " + (expect.bug() ? "exactly one kind" : "no kind") + ", it names "
          + kinds.length);
    }
    Optional<FailureKind> kind = expect.bug() ? Optional.of(kinds[0]) : Optional.empty();
    return new Program(type, kind, findMain(type));
  }

  private static MethodHandle findMain(Class<?> type) {
    try {
      if (!Modifier.isPublic(type.getModifiers())) throw new IllegalAccessException("not public");
      return MethodHandles.publicLookup()
          .findStatic(type, "main", MethodType.methodType(void.class, String[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          type.getName() + " needs a public static void main(String[]): " + e, e);
    }
  }

  /** The simple class name, e.g. {@code LostUpdate}. */
  public String name() {
    return type.getSimpleName();
  }

  /** True when the program is declared to have a bug. */
  public boolean buggy() {
    return expectedFailure.isPresent();
  }

  /**
   * Runs {@code main} with no arguments on the calling thread. Whatever it throws propagates
   * unwrapped, so that a failure names the program's own exception.
   */
  public void runMain() throws Throwable {
    String[] noArguments = new String[0];
    main.invokeExact(noArguments);
  }

  @Override
  public String toString() {
    return name();
  }
}
