package dev.weft.explorer.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.WeftInternalException;
import dev.weft.samples.explorer.SmallBugs;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weft's own failure ends the exploration as Weft's: a {@link WeftInternalException} that says what
 * Weft could not do, never a bug of the program, never shrunk or written as a schedule.
 */
class InternalFailureTest {
  @TempDir Path output;

  /** A random walk that throws at its {@code failAt}-th thread choice, or at each execution end. */
  private static final class Broken implements Strategy {
    private final RandomWalk random = new RandomWalk();
    private final int failAt;
    private final boolean failAtEnd;
    private int picks;

    Broken(int failAt, boolean failAtEnd) {
      this.failAt = failAt;
      this.failAtEnd = failAtEnd;
    }

    @Override
    public void beginExecution(long seed) {
      random.beginExecution(seed);
    }

    @Override
    public int pickThread(SchedulingView view) {
      if (++picks == failAt) throw new IllegalStateException("injected failure");
      return random.pickThread(view);
    }

    @Override
    public int pickValue(ChoiceKind kind, int bound) {
      return random.pickValue(kind, bound);
    }

    @Override
    public void endExecution(int steps) {
      if (failAtEnd) throw new IllegalStateException("injected failure at the end");
    }
  }

  private WeftInternalException explore(Strategy strategy) {
    Options options = Options.builder().iterations(100).outputDir(output).build();
    return assertThrows(WeftInternalException.class, () -> Explorer.explore(
        options, strategy, null, SmallBugs::deadlock, "InternalFailureTest"));
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(0, files.count(), "no schedule or report is written for Weft's own failure");
    }
  }

  @Test
  void aStrategyThatThrowsWhilePickingIsWeftsFailureNotTheProgramsBug() throws IOException {
    // The deadlock would be found within a few executions; the strategy breaks before that.
    WeftInternalException e = explore(new Broken(3, false));
    assertTrue(e.getMessage().startsWith("Weft failed: it could not choose who runs at step "),
        e.getMessage());
    assertTrue(e.getMessage().contains("strategy Broken"), e.getMessage());
    assertTrue(e.getMessage().contains("not in the program under test"), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals("injected failure", e.getCause().getMessage());
    assertNothingWritten();
  }

  @Test
  void aStrategyThatThrowsAtTheEndOfAnExecutionIsWeftsFailureToo() throws IOException {
    WeftInternalException e = explore(new Broken(-1, true));
    assertTrue(e.getMessage().startsWith("Weft failed: it could not end the execution"),
        e.getMessage());
    assertEquals("injected failure at the end", e.getCause().getMessage());
    assertNothingWritten();
  }
}
