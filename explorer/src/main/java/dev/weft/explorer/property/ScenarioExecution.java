package dev.weft.explorer.property;

import dev.weft.explorer.api.ReplayResult;
import java.util.Optional;

/**
 * One interleaving of a {@link ConcurrentScenario}, run from a schedule by {@link
 * ConcurrentScenario#executeInterleaving}.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param replay Weft's replay: whether the schedule's failure came back, and its trace
 * @param trace the named threads' operations and the final state; empty when the execution ended
 *     before every thread did (a deadlock, a divergence from the schedule)
 */
public record ScenarioExecution<S>(ReplayResult replay, Optional<ExecutionTrace<S>> trace) {}
