package dev.weft.explorer.harness;

import java.util.Objects;
import java.util.function.Supplier;

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

  /**
   * Arms a crash inside the target: the next run of the action named {@code action} (a call, a
   * custom action, or the mailbox's handling of a cast), by whichever thread comes to it first
   * after the chaos struck, throws what {@code crash} supplies instead of running. In a controlled
   * run, which action that is gets explored. The action's event records the crash as its failure.
   */
  static <T> Chaos<T> injectCrash(String action, Supplier<? extends RuntimeException> crash) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(crash, "crash");
    return new CrashChaos<>(action, crash);
  }

  /**
   * Arms a crash inside the target's own code: the next thread to reach {@code point} ({@link
   * CrashPoint#reach}) after the chaos struck throws what {@code crash} supplies there, part way
   * through the target's method. In a controlled run, which reach that is gets explored. The action
   * that called into the target records the crash as its failure.
   */
  static <T> Chaos<T> injectCrash(CrashPoint point, Supplier<? extends RuntimeException> crash) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(crash, "crash");
    return new CrashChaos<>(point, crash);
  }

  /**
   * Kills the threads that handle the target's mailbox ({@link Mailbox#killWorkers}): the harness's
   * own worker, or a {@link Supervisor}'s, which restarts them when it is {@link
   * Supervisor#restarting}.
   */
  static <T> Chaos<T> killChildren() {
    return of("kill children", (target, context) -> context.mailbox().killWorkers());
  }

  /**
   * Kills {@code count} of the threads that handle the target's mailbox, those that began first
   * ({@link Mailbox#killWorkers(int)}): a pool that loses some workers and must go on with the rest.
   */
  static <T> Chaos<T> killChildren(int count) {
    if (count < 1) throw new IllegalArgumentException("kill at least 1 child, not " + count);
    return of(count == 1 ? "kill 1 child" : "kill " + count + " children",
        (target, context) -> context.mailbox().killWorkers(count));
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
