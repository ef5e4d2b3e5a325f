package dev.weft.scheduler.threads;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The spin for the turn ends, when the turn comes and when its time is up, and never grants a
 * turn itself. (That it leaves every schedule
 * as it was is {@code ManyThreadsTest}'s and every replay test's to show.)
 */
class TurnSpinTest {
  private static final Duration HANG_GUARD = Duration.ofMinutes(1);

  private static Holder controlled(Thread t) {
    return new Holder(0, t);
  }

  @Test
  void aThreadWithTheTurnDoesNotSpin() {
    Holder self = controlled(Thread.currentThread());
    self.turn = true;
    assertTimeoutPreemptively(HANG_GUARD, () -> new TurnSpin().await(self));
    assertTrue(self.turn);
  }

  @Test
  void aSpinWhoseTurnNeverComesEndsWithoutIt() {
    Holder self = controlled(Thread.currentThread());
    TurnSpin spin = new TurnSpin();
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 3 * TurnSpin.PROBE_EVERY; i++) spin.await(self); // and past the probes
    });
    assertFalse(self.turn, "a spin only waits for the turn; it never takes it");
  }

  @Test
  void aSpinEndsWhenTheTurnComesFromAnotherThread() throws InterruptedException {
    Holder self = controlled(Thread.currentThread());
    Thread granter = new Thread(() -> self.turn = true);
    granter.start();
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      while (!self.turn) new TurnSpin().await(self);
    });
    granter.join();
  }
}
