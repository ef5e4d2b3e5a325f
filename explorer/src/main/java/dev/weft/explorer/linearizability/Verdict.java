package dev.weft.explorer.linearizability;

import java.util.List;

/**
 * Whether a history is linearizable, and the evidence.
 *
 * @param linearizable whether some sequential order of the calls keeps the order the check's
 *     {@link Consistency} asks (for linearizability, real time) and gives every call the result it
 *     returned
 * @param order when linearizable, such an order; otherwise the longest order the search could
 *     extend no further
 * @param stuck when not linearizable: the calls that could have come next after {@code order},
 *     each with the result the specification gives it there (none means no call could come next in
 *     real time, which a complete history never shows)
 * @param statesExplored how many (linearized set, model state) pairs the search visited
 * @param part when the history was checked one part of the state at a time ({@link
 *     SequentialSpec#partitionBy}) and is not linearizable: the part whose calls alone are not, to
 *     which {@code order} and {@code stuck} belong; otherwise null
 * @param prefixEnd when not linearizable (checked for linearizability, not quiescent
 *     consistency, and the search visited at most {@link
 *     LinearizabilityChecker#PREFIX_SEARCH_STATES} states): the call whose response ends the
 *     shortest prefix of the history that has no linearization already, where it went wrong (the
 *     calls still running there may have taken effect, with any result, or not yet). Null
 *     otherwise.
 */
public record Verdict(boolean linearizable, List<Call> order, List<Candidate> stuck,
    int statesExplored, Object part, Call prefixEnd) {
  public Verdict {
    order = List.copyOf(order);
    stuck = List.copyOf(stuck);
  }

  /** A call that could have gone next, and what the specification would have had it return. */
  public record Candidate(Call call, Object expected) {}

  /** Why no linearization exists, in words; empty when one does. */
  public String explanation() {
    if (linearizable) return "";
    StringBuilder s = new StringBuilder(part == null ? "" : "Taking only the calls on " + part
        + ": ");
    s.append(part == null ? "No" : "no").append(" sequential order of these calls gives each the"
        + " result it returned");
    if (prefixEnd != null) {
      s.append(", already up to the response of ").append(prefixEnd).append(" (the shortest"
          + " prefix of the history without one; calls still running there may take effect or"
          + " not, whatever they return later)");
    }
    s.append(". The longest order that does:");
    if (order.isEmpty()) s.append(" none, not even one call.");
    for (Call c : order) s.append("\n  ").append(c);
    s.append("\nThen each call that could come next returns something else there:");
    for (Candidate c : stuck) {
      s.append("\n  ").append(c.call()).append(", but the specification returns ")
          .append(c.expected());
    }
    return s.toString();
  }
}
