package dev.weft.explorer.property;

/**
 * What each thread of {@link Properties#forAllConcurrent} does with the shared object and the
 * input. Its result (or the class of what it throws) is compared with the sequential run's, so it
 * should return values with a meaningful {@code equals}.
 *
 * <p>Public API since 0.2.
 */
@FunctionalInterface
public interface ConcurrentOperation<S, T, R> {
  R apply(S shared, T input) throws Exception;
}
