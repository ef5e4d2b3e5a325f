package dev.weft.explorer.harness;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A named point in a target's own code where {@link Chaos#injectCrash(CrashPoint,
 * java.util.function.Supplier)} can make it crash: the target calls {@link #reach()} there, say
 * between a debit and its credit, and once a chaos has armed this point the next thread to reach
 * it throws the chaos's exception, which unwinds the target's code as a real failure would. In a
 * controlled run, whether a thread reaches the point before or after the crash is armed is
 * explored, as at an action's entry.
 *
 * <pre>{@code
 * static final CrashPoint DEBITED = new CrashPoint("debited");
 * synchronized void transfer(int amount) {
 *   a -= amount;
 *   DEBITED.reach();
 *   b += amount;
 * }
 * }</pre>
 *
 * <p>Outside a scenario, and in a scenario with no crash chaos, {@link #reach()} does nothing, so
 * the point can stay in production code. The armed crashes of the running scenario are found
 * through static state: one scenario with crash chaos may run at a time in a JVM (an exploration
 * runs its executions one after another, which is fine); starting a second while one runs fails it
 * with an {@link IllegalStateException}.
 *
 * <p>Public API since 0.2. Thread-safe.
 *
 * @param name names the point in the chaos's event; not blank
 */
public record CrashPoint(String name) {
  /** The crashes of the scenario with crash chaos that is running; null when none is. */
  private static final AtomicReference<Crashes> ACTIVE = new AtomicReference<>();

  public CrashPoint {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("a crash point needs a name");
  }

  /**
   * Throws the crash a chaos armed at this point, once; otherwise returns at once.
   *
   * @throws RuntimeException what the armed chaos's supplier gives
   */
  public void reach() {
    Crashes crashes = ACTIVE.get();
    if (crashes == null) return;
    RuntimeException crash = crashes.take(this);
    if (crash != null) throw crash;
  }

  /** Makes {@code crashes} the ones {@link #reach} takes from, until {@link #release}. */
  static void install(Crashes crashes) {
    if (!ACTIVE.compareAndSet(null, crashes)) {
      throw new IllegalStateException("another scenario with crash chaos is running: crash points"
          + " find their scenario through static state, so run such scenarios one at a time");
    }
  }

  static void release(Crashes crashes) {
    ACTIVE.compareAndSet(crashes, null);
  }
}
