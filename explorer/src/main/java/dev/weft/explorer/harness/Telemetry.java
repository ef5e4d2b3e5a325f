package dev.weft.explorer.harness;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands each event of a run to the scenario's listeners; what a listener throws is kept as a
 * failure of the run instead of ending the thread that called it.
 */
final class Telemetry {
  private final List<ScenarioListener> listeners;
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  Telemetry(List<ScenarioListener> listeners) {
    this.listeners = listeners;
  }

  void tell(Consumer<ScenarioListener> event) {
    for (ScenarioListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException | Error e) {
        failures.add("listener " + listener.getClass().getName() + " threw " + e);
      }
    }
  }

  /** What the listeners threw, in the order they threw it. */
  List<String> failures() {
    return List.copyOf(failures);
  }
}
