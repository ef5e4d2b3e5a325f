package dev.weft.explorer.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Scripted threads against one target: a fresh target from {@code factory} for every run, one
 * thread per script, and the options that say what the run must satisfy. Run it with {@link
 * Harness}.
 *
 * <p>Public API since 0.2.
 *
 * @param <T> the target's type
 * @param factory a fresh target for each run
 * @param scripts per thread, its actions in order
 * @param options invariant, chaos and expectations
 */
public record Scenario<T>(Supplier<? extends T> factory, List<List<Action<T>>> scripts,
    ScenarioOptions<T> options) {

  public Scenario {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(options, "options");
    if (scripts.isEmpty()) throw new IllegalArgumentException("a scenario needs at least one script");
    List<List<Action<T>>> copies = new ArrayList<>();
    for (List<Action<T>> script : scripts) copies.add(List.copyOf(script));
    scripts = List.copyOf(copies);
  }

  /** Every one of {@code threads} threads runs the same {@code actions}: the short form. */
  public static <T> Scenario<T> simple(Supplier<? extends T> factory, List<Action<T>> actions,
      int threads, ScenarioOptions<T> options) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    List<List<Action<T>>> scripts = new ArrayList<>();
    for (int i = 0; i < threads; i++) scripts.add(actions);
    return new Scenario<>(factory, scripts, options);
  }
}
