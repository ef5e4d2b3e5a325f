package dev.weft.testbench.corpus;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.explore.ProgramBody;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One corpus program: its class, its declared verdict and its {@code main}. Immutable.
 *
 * @param type the program's class; never null
 * @param expectedFailure how the program fails, or empty when it is declared correct
 * @param main {@code public static void main(String[])} of {@code type}; never null
 * @param executions the program's own exploration budget, or empty for the tests' default
 * @param maxSteps the program's own step bound, or empty for Weft's default
 * @param hiddenUnderStress whether plain runs of the program do not reveal its bug; only when buggy
 * @param benignRaces fields whose data races the program means
 * @param jdk the first JDK feature release on which Weft explores the program, or 0 for any
 * @param freshClasses whether each run of {@link #body()} loads the program's classes afresh
 */
public record Program(
    Class<?> type,
    Optional<FailureKind> expectedFailure,
    MethodHandle main,
    OptionalInt executions,
    OptionalInt maxSteps,
    boolean hiddenUnderStress,
    List<String> benignRaces,
    int jdk,
    boolean freshClasses) {

  public Program {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(expectedFailure, "expectedFailure");
    Objects.requireNonNull(main, "main");
    Objects.requireNonNull(executions, "executions");
    Objects.requireNonNull(maxSteps, "maxSteps");
    benignRaces = List.copyOf(benignRaces);
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
    if (!expect.bug() && (expect.hiddenUnderStress() || expect.executions() != 0)) {
      throw new IllegalArgumentException(type.getName() + ": only a buggy program may set "
          + "hiddenUnderStress or executions; a correct one runs the default budget");
    }
    if (expect.executions() < 0 || expect.maxSteps() < 0 || expect.jdk() < 0) {
      throw new IllegalArgumentException(type.getName()
          + ": executions, maxSteps and jdk are positive, or 0 for the default");
    }
    Optional<FailureKind> kind = expect.bug() ? Optional.of(kinds[0]) : Optional.empty();
    return new Program(type, kind, findMain(type), positive(expect.executions()),
        positive(expect.maxSteps()), expect.hiddenUnderStress(), List.of(expect.benignRaces()),
        expect.jdk(), expect.freshClasses());
  }

  /** Whether the program's bug is a data race, which only race detection reports. */
  public boolean needsRaceDetection() {
    return expectedFailure.equals(Optional.of(FailureKind.DATA_RACE));
  }

  private static OptionalInt positive(int value) {
    return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
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

  /** Whether Weft explores the program on this JVM's JDK (see {@link Expect#jdk()}). */
  public boolean runsHere() {
    return Runtime.version().feature() >= jdk;
  }

  /** True when the program is declared to have a bug. */
  public boolean buggy() {
    return expectedFailure.isPresent();
  }

  /**
   * The body an exploration of the program runs: {@link #runMain()}, or, for a program declared
   * with {@link Expect#freshClasses()}, its {@code main} in classes loaded afresh for each
   * execution, as {@code weft run} runs a program, which Weft is told so that it explores the
   * program's static initializers in every execution and replays them.
   */
  public Body body() {
    if (!freshClasses) return this::runMain;
    Supplier<ClassLoader> loaders = FreshClasses.of(type);
    return new ProgramBody() {
      @Override
      public void run() throws Throwable {
        Class<?> fresh = Class.forName(type.getName(), false, loaders.get());
        MethodHandles.publicLookup()
            .findStatic(fresh, "main", MethodType.methodType(void.class, String[].class))
            .invokeExact(new String[0]);
      }

      @Override
      public Class<?> programClass() {
        return type;
      }

      @Override
      public boolean loadsClassesAfresh() {
        return true;
      }
    };
  }

  /**
   * Runs {@code main} with no arguments on the calling thread: the registered configuration.
   * Whatever it throws propagates unwrapped, so that a failure names the program's own exception.
   */
  public void runMain() throws Throwable {
    runMainWith();
  }

  /**
   * Runs {@code main} with {@code args}, e.g. the sizes of a scalable program; see each program's
   * comment for what they mean. Whatever it throws propagates unwrapped.
   */
  public void runMainWith(String... args) throws Throwable {
    main.invokeExact(args.clone());
  }

  @Override
  public String toString() {
    return name();
  }
}
