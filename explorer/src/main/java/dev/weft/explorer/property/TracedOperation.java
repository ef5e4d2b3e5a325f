package dev.weft.explorer.property;

/**
 * One named thread's operation in one execution of a {@link ConcurrentScenario}.
 *
 * <p>Steps count the execution's scheduling points, the choices its schedule records (as {@link
 * dev.weft.explorer.api.Failure#steps()} does): {@code startStep} is how many had passed when the
 * operation began, {@code endStep} when it returned. They are the same on every run of a schedule,
 * and an operation that ended before another began has {@code endStep <= } the other's {@code
 * startStep}. They are not the row numbers of Weft's trace, which also shows events that are not
 * choices (a thread's begin, a join of a thread that has ended) and is recorded only when a
 * failure is replayed; counting its rows during exploration would cost a trace of every execution.
 * Virtual times
 * are {@link System#nanoTime} readings inside the execution; Weft's clock moves only with sleeps,
 * timed waits and yields, so they differ only for operations that wait on time.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param thread the name the scenario gave the thread
 * @param id the thread's place in the scenario's declarations, from 0
 * @param outcome what the operation returned, or the class of what it threw
 * @param startStep scheduling points passed when it began
 * @param endStep scheduling points passed when it returned (or threw)
 * @param startNanos the virtual clock when it began
 * @param endNanos the virtual clock when it returned
 */
public record TracedOperation(String thread, int id, Outcome<Object> outcome, int startStep,
    int endStep, long startNanos, long endNanos) {

  @Override
  public String toString() {
    return thread + " -> " + outcome + " (steps " + startStep + ".." + endStep + ")";
  }
}
