package dev.weft.samples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.junit.ExplorationDefaults;
import dev.weft.explorer.junit.InterleavingTest;
import dev.weft.explorer.junit.ReplaySchedule;

/**
 * Run only by {@code InterleavingExtensionTest} through the JUnit launcher: one lost update, pinned
 * by {@link ReplaySchedule} to several schedules, as a user pins a bug while working on it. The
 * methods share one body, so each replays the same program.
 */
@ExplorationDefaults(strategy = StrategyKind.DFS, iterations = 2_000)
public class PinnedSample {
  /** T0 reads the counter, T1 increments it, T0 writes: the lost update. */
  public static final String LOST_UPDATE = "weft1;EXCEPTION;m=20000;s=1;c=0.1*3";
  /** T0 runs to its end before T1 begins: no lost update. */
  public static final String NO_RACE = "weft1;EXCEPTION;m=20000;s=1;c=0*2";
  /** More choices than the program now asks for: a schedule of an older version of it. */
  public static final String TOO_LONG = "weft1;EXCEPTION;m=20000;s=1;c=0.1*3.0*2";
  /** Written by the test before the run, from a schedule this class recorded, then edited. */
  public static final String STALE_FILE = "target/weft-pinned/PinnedSample.stale.json";

  private volatile int count;

  /** Not pinned: explored, it finds the lost update and records its schedule. */
  @InterleavingTest
  void explored() throws InterruptedException {
    incrementTwice();
  }

  @InterleavingTest
  @ReplaySchedule(LOST_UPDATE)
  void pinnedToTheLostUpdate() throws InterruptedException {
    incrementTwice();
  }

  @InterleavingTest
  @ReplaySchedule(TOO_LONG)
  void pinnedToAScheduleThatNoLongerFits() throws InterruptedException {
    incrementTwice();
  }

  @InterleavingTest
  @ReplaySchedule(STALE_FILE)
  void pinnedToAFileOfChangedCode() throws InterruptedException {
    incrementTwice();
  }

  private void incrementTwice() throws InterruptedException {
    Thread t = new Thread(() -> count = count + 1);
    t.start();
    count = count + 1;
    t.join();
    assertEquals(2, count, "lost update");
  }
}
