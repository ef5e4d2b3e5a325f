package dev.weft.explorer.property;

import java.util.Objects;

/**
 * A kind of operation a workload's threads run on a shared target, with a name for reports and,
 * for one that takes an argument, the argument's generator (so arguments shrink too).
 *
 * <pre>{@code
 * WorkloadOperation<Counter> read = WorkloadOperation.of("get", Counter::get);
 * WorkloadOperation<Counter> write = WorkloadOperation.of("add", Gen.ints(1, 5), Counter::add);
 * }</pre>
 *
 * <p>Public API since 0.2. Immutable.
 *
 * @param name names the operation in reports
 * @param calls generates its calls
 */
public record WorkloadOperation<S>(String name, Gen<Call<S>> calls) {
  /** What an operation with an argument does to the target. */
  @FunctionalInterface
  public interface WithArgument<S, A> {
    Object apply(S target, A argument) throws Exception;
  }

  public WorkloadOperation {
    checkName(name);
    Objects.requireNonNull(calls, "calls");
  }

  /** An operation without an argument. */
  public static <S> WorkloadOperation<S> of(String name,
      ConcurrentScenario.Operation<? super S> action) {
    Objects.requireNonNull(action, "action");
    return new WorkloadOperation<>(checkName(name), Gen.constant(new Call<>(name, null, action)));
  }

  /** An operation whose argument {@code arguments} generates; it shrinks as they do. */
  public static <S, A> WorkloadOperation<S> of(String name, Gen<A> arguments,
      WithArgument<? super S, ? super A> action) {
    Objects.requireNonNull(action, "action");
    return new WorkloadOperation<>(checkName(name),
        arguments.map(a -> new Call<S>(name, a, target -> action.apply(target, a))));
  }

  // Checked before the calls' generator is made, which needs the name.
  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a workload operation needs a name, was '" + name + "'");
    }
    return name;
  }
}
