package dev.weft.explorer.property;

import dev.weft.scheduler.runtime.AbortedExecution;

/** A named check of a {@link ConcurrentScenario}'s execution trace; it fails by throwing. */
record Invariant<S>(String name, Properties.Check<? super ExecutionTrace<S>> check) {
  Invariant {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an invariant needs a name, for the failure message");
    }
  }

  /** Throws an AssertionError that names the invariant and shows the trace when it fails. */
  void verify(ExecutionTrace<S> trace) {
    Throwable why;
    try {
      check.check(trace);
      return;
    } catch (AbortedExecution e) {
      throw e; // Weft is unwinding this thread: the execution ended elsewhere
    } catch (Throwable t) {
      why = t;
    }
    String because = why.getMessage() == null ? why.getClass().getName() : why.getMessage();
    throw new AssertionError("invariant '" + name + "' failed: " + because + "\n" + trace, why);
  }
}
