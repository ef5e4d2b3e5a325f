package dev.weft.explorer.property;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.attach.AgentInstaller;
import dev.weft.explorer.explore.Executions;
import dev.weft.scheduler.runtime.ExecutionResult;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The executions of a scenario's exploration, each run only when asked for: the strategy's next
 * interleaving, until the iterations are done or (systematically) the last interleaving class.
 * A failing execution does not end the iteration.
 */
final class InterleavingIterator<S> implements Iterator<ExploredInterleaving<S>> {
  private final ScenarioBody<S> body;
  private final Executions executions;

  InterleavingIterator(ConcurrentScenario<S> scenario, Options options) {
    AgentInstaller.ensureInstalled(options.detectRaces());
    this.body = scenario.compile();
    this.executions = Executions.of(options, body);
  }

  @Override
  public boolean hasNext() {
    return executions.hasNext();
  }

  @Override
  public ExploredInterleaving<S> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the exploration has no execution left: its "
          + executions.started() + " ran");
    }
    ExecutionResult r = executions.next();
    boolean failed = r.outcome().isBug() || r.leaked();
    Optional<String> failure = !failed ? Optional.empty()
        : Optional.of(r.report() != null && !r.report().isEmpty() ? r.report()
            : String.valueOf(r.error()));
    return new ExploredInterleaving<>(executions.started(), body.lastTrace(), failure);
  }
}
