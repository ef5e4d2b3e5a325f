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
 *     class of the program, plain accesses found racing included: with no bug found, the test is
 *     correct for every schedule (within the step bound); false for sampling strategies, for
 *     bounded searches, and when plain accesses were not watched
 * @param racingSites the plain-access sites that systematic search found racing and scheduled, as
 *     {@code Counter.count at Counter.java:12}; null when plain accesses were not watched (a
 *     sampling strategy, or an agent started without {@code races}); since 0.2
 */
public record Statistics(
    int pruned,
    int distinctSchedules,
    int distinctClasses,
    int maxSteps,
    boolean coveredEverything,
    java.util.List<String> racingSites) {}
