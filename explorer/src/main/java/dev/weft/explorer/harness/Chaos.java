package dev.weft.explorer.harness;

import java.util.Objects;

/**
 * A fault injected while a scenario's threads run. Each chaos runs on a thread of its own, so in a
 * controlled run the point where it strikes is a scheduling decision: explored like any other, and
 * recorded in the schedule, so a run with chaos replays exactly.
 *
 * <p>Public API since 0.2.
 *
 * @param <T> the target's type
 */
public interface Chaos<T> {
  /** How the chaos appears in events and reports. */
  String name();

  /** Strikes once; what it throws is recorded as the chaos's failure, not the target's. */
  void strike(T target, ScenarioContext context) throws Exception;

  /** Interrupts the script thread with this index (0 is the first). */
  static <T> Chaos<T> interrupt(int scriptThread) {
    return of("interrupt script-" + (scriptThread + 1),
        (target, context) -> context.interrupt(scriptThread));
  }

  /** Any code against the target, such as closing a connection it holds. */
  static <T> Chaos<T> of(String name, Strike<T> strike) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(strike, "strike");
    return new Chaos<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void strike(T target, ScenarioContext context) throws Exception {
        strike.strike(target, context);
      }
    };
  }

  /** The body of a chaos written as a lambda. */
  @FunctionalInterface
  interface Strike<T> {
    void strike(T target, ScenarioContext context) throws Exception;
  }
}
