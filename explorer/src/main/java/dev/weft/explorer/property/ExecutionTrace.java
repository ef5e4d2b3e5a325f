package dev.weft.explorer.property;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * What the named threads of one execution of a {@link ConcurrentScenario} did, and the state they
 * left. Invariants and the check of {@link Properties#forAllInterleavings} judge it.
 *
 * <p>Weft's own trace of the same execution (every step, one column per thread) is the failure's
 * {@link dev.weft.explorer.api.Failure#trace()}; this one is the scenario's view of it.
 *
 * <p>Public API since 0.2. Never null fields; {@code operations} is unmodifiable.
 *
 * @param operations one per thread, in the order the scenario declares them
 * @param finalState the state {@code setup} made, after every thread ended
 * @param happensBefore which operations happen before which, from Weft's happens-before graph of
 *     the execution (every scenario execution is traced for it)
 */
public record ExecutionTrace<S>(List<TracedOperation> operations, S finalState,
    HappensBefore happensBefore) {
  public ExecutionTrace {
    operations = List.copyOf(operations);
    java.util.Objects.requireNonNull(happensBefore, "happensBefore");
  }

  /**
   * Whether the operation of thread {@code a} happens before that of thread {@code b}: see {@link
   * HappensBefore}.
   *
   * @throws java.util.NoSuchElementException when the scenario has no thread of either name
   */
  public boolean happensBefore(String a, String b) {
    return happensBefore.before(a, b);
  }

  /** The operation of the thread named {@code thread}. */
  public TracedOperation operation(String thread) {
    return operations.stream().filter(o -> o.thread().equals(thread)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no thread named '" + thread
            + "' in this scenario; its threads: " + operations.stream()
                .map(TracedOperation::thread).toList()));
  }

  /**
   * What the thread named {@code thread} returned, cast to the caller's type.
   *
   * @throws IllegalStateException when its operation threw instead
   */
  @SuppressWarnings("unchecked")
  public <R> R result(String thread) {
    Outcome<Object> o = operation(thread).outcome();
    if (o.thrown() != null) {
      throw new IllegalStateException("thread '" + thread + "' threw " + o.thrown()
          + " instead of returning");
    }
    return (R) o.value();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (TracedOperation o : operations) s.append("  ").append(o).append('\n');
    s.append("  happens before: ").append(happensBefore).append('\n');
    return s.append("  final state: ").append(finalState).append('\n').toString();
  }
}
