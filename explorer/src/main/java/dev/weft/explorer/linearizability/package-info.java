/**
 * Linearizability checking: whether a concurrent history of operations (each an invocation and a
 * response, in the order the execution produced them) could have been produced by some sequential
 * execution of a specification that respects the real-time order of the operations.
 *
 * <p>{@link dev.weft.explorer.linearizability.History} records a history; {@link
 * dev.weft.explorer.linearizability.SequentialSpec} is the specification; {@link
 * dev.weft.explorer.linearizability.LinearizabilityChecker} decides, and says why when no order
 * exists.
 */
package dev.weft.explorer.linearizability;
