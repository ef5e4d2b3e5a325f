package dev.weft.explorer.property;

/**
 * The input a property failed for: as generated and after shrinking.
 *
 * <p>Public API since 0.2.
 *
 * @param test the failing test's number, from 1 (examples first, then generated inputs)
 * @param original the input as generated (or as given by {@link ForAll#withExamples})
 * @param shrunk the smallest input found that still fails; {@code original} when it did not shrink
 * @param shrinkSteps how many times a smaller failing input was found
 * @param error what the property threw for {@code shrunk}
 */
public record Counterexample<T>(int test, T original, T shrunk, int shrinkSteps, Throwable error) {}
