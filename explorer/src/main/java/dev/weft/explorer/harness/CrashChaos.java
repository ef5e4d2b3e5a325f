package dev.weft.explorer.harness;

import java.util.function.Supplier;

/**
 * {@link Chaos#injectCrash}: its own type, so that a run checks for armed crashes at each action
 * (a scheduling point) only when the scenario has one.
 */
record CrashChaos<T>(String action, Supplier<? extends RuntimeException> crash) implements Chaos<T> {
  @Override
  public String name() {
    return "crash " + action;
  }

  @Override
  public void strike(T target, ScenarioContext context) {
    context.crashes().arm(action, crash);
  }
}
