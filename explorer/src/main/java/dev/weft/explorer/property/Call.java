package dev.weft.explorer.property;

import java.util.Objects;

/**
 * One generated operation of a {@link ConcurrentWorkload}: which operation, with which argument,
 * and what it does to the shared target.
 *
 * <p>Public API since 0.2.
 *
 * @param operation the {@link WorkloadOperation}'s name
 * @param argument the generated argument; null for an operation without one
 * @param action what a thread runs on the target; its result is recorded in the trace
 */
public record Call<S>(String operation, Object argument,
    ConcurrentScenario.Operation<? super S> action) {
  public Call {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(action, "action");
  }

  /** {@code name(argument)}, or {@code name()}: how reports show it. */
  @Override
  public String toString() {
    return operation + "(" + (argument == null ? "" : argument) + ")";
  }
}
