package dev.weft.explorer.harness;

import java.util.function.Supplier;

/**
 * {@link Chaos#injectCrash}: its own type, so that a run checks for armed crashes at each action
 * (a scheduling point) and installs them for {@link CrashPoint}s only when the scenario has one.
 *
 * @param site an action's name, or a {@link CrashPoint}
 */
record CrashChaos<T>(Object site, Supplier<? extends RuntimeException> crash) implements Chaos<T> {
  @Override
  public String name() {
    return site instanceof CrashPoint point ? "crash at " + point.name() : "crash " + site;
  }

  @Override
  public void strike(T target, ScenarioContext context) {
    context.crashes().arm(site, crash);
  }
}
