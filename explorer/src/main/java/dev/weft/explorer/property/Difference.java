package dev.weft.explorer.property;

import dev.weft.explorer.api.Failure;
import java.util.List;

/**
 * The first input of {@link Properties#forAllConcurrent} for which an interleaving gave outcomes the
 * sequential run does not (or failed outright: a deadlock, a livelock, a stuck thread), shrunk.
 *
 * <p>Public API since 0.2.
 *
 * @param test the input's test number, from 1 (examples first)
 * @param input the input as generated (or given as an example)
 * @param shrunkInput the smallest input found that still shows a difference
 * @param shrinkSteps how many times a smaller input that still differs was found
 * @param threads the property's thread count, at which {@code input} differed
 * @param shrunkThreads the fewest threads at which the input still differed (shrunk first, then
 *     the input at that count); {@code failure}'s schedule runs this many
 * @param sequential the outcomes of {@code shrunkInput}'s calls made one after another
 * @param perThread each thread's outcome in {@code failure}'s schedule, T1 first, as its replay
 *     gave them; empty when the execution failed before the threads ended
 * @param failure Weft's report of that schedule for {@code shrunkInput}: the trace, and the
 *     schedule that {@code Weft.replay(failure.schedule(), property.body(shrunkInput,
 *     shrunkThreads))} replays
 */
public record Difference<T, R>(int test, T input, T shrunkInput, int shrinkSteps, int threads,
    int shrunkThreads, List<Outcome<R>> sequential, List<Outcome<R>> perThread, Failure failure) {
  public Difference {
    sequential = List.copyOf(sequential);
    perThread = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(perThread));
  }
}
