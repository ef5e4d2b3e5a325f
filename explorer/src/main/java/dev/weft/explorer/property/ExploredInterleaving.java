package dev.weft.explorer.property;

import java.util.Optional;

/**
 * One execution of a scenario's exploration, as {@link ForAllInterleavings#exploreInterleavings()}
 * yields it.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param execution its index in the exploration, from 1
 * @param trace the named threads' operations, the final state and the happens-before order; empty
 *     when the execution ended before every thread did (a deadlock, a stuck thread)
 * @param failure what failed (an invariant, the check, a deadlock), as Weft words it; empty when
 *     the execution passed
 */
public record ExploredInterleaving<S>(int execution, Optional<ExecutionTrace<S>> trace,
    Optional<String> failure) {

  /** Whether the execution passed: every invariant and the check held. */
  public boolean passed() {
    return failure.isEmpty();
  }
}
