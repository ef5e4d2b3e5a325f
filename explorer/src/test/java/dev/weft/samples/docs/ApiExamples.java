package dev.weft.samples.docs;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;

/**
 * The examples of docs/api.md, compiled here and run by DocsExampleTest. The code between a
 * {@code // docs:NAME} marker and {@code // end} must appear verbatim on the page. It lives outside
 * Weft's own packages because, as in a user's project, the test's code must be instrumented.
 */
public final class ApiExamples {
  private ApiExamples() {}

  /** Two threads increment a counter once each; the total must be 2. */
  public static Body body() {
    // docs:body
    Body body = () -> {
      Counter c = new Counter();
      Thread t = new Thread(c::increment);
      t.start();
      c.increment();
      t.join();
      assert c.get() == 2 : "lost update";
    };
    // end
    return body;
  }

  public static void explore() {
    Body body = body();
    // docs:explore
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.PCT).iterations(1_000).build(), body);
    result.assertNoFailure(); // AssertionError with the trace and the replay string
    // end
  }

  public static ReplayResult replay(Failure failure) {
    Body body = body();
    // docs:replay
    ReplayResult replay = Weft.replay(failure.schedule(), body);
    assert replay.status() == ReplayResult.Status.REPRODUCED;
    // end
    return replay;
  }
}
