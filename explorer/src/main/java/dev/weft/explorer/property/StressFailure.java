package dev.weft.explorer.property;

/**
 * A failure of {@link Properties#forAllStress}: the input, as drawn (stress does not shrink), and
 * what the property threw.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param inputNumber which input it was, from 0, counted over all threads
 * @param input the input
 * @param thread the stress thread that checked it
 * @param error what the property threw
 */
public record StressFailure<T>(long inputNumber, T input, String thread, Throwable error) {
  @Override
  public String toString() {
    return "input " + inputNumber + " on " + thread + ": " + input + "\n    " + error;
  }
}
