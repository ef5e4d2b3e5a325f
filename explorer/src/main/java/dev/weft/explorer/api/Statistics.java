package dev.weft.explorer.api;

/**
 * Counts of what an exploration saw.
 *
 * <p>Public API since 0.1.
 *
 * @param pruned executions that systematic search cut short because their rest could only repeat
 *     an interleaving class already covered (included in {@link ExplorationResult#executions()})
 * @param distinctSchedules different sequences of decisions among the executions run
 * @param distinctClasses different happens-before relations (interleaving classes, Mazurkiewicz
 *     traces) among the complete executions run: schedules that only reorder independent steps
 *     count once
 * @param maxSteps the most scheduling points any execution took
 * @param coveredEverything true when a systematic search ended having explored every interleaving
 *     class of the program: with no bug found, the test is correct for every schedule (within the
 *     step bound); false for sampling strategies and for bounded searches
 */
public record Statistics(
    int pruned,
    int distinctSchedules,
    int distinctClasses,
    int maxSteps,
    boolean coveredEverything) {}
