package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.HookGuard;

/**
 * The one shape in which a hook runs its model code: what escapes it is the program's exception
 * only when the model threw it for the program; anything else ends the execution as Weft's own
 * failure ({@link HookGuard#blamesWeft}). A hook passes its model code as a lambda, so the rule
 * is written once, here, not as a try/catch in every hook:
 *
 * <pre>
 *   Execution e = Guarded.enter();
 *   if (e != null) Guarded.run(e, "MonitorHooks.monitorEnter",
 *       () -> e.monitors().enter(lock, site));
 * </pre>
 *
 * <p>The lambda is made only for a controlled thread that may act, and only after {@link #enter}
 * marked it as inside Weft's code: the first time a hook's lambda is made, the JVM links it by
 * running JDK code that calls hooks itself ({@code hashCode} of the tables it fills, {@code
 * allocated} of their nodes), which must pass through, or a hook would link its own lambda again
 * and again, and the program's first execution would take steps that later ones do not. Without an
 * execution, a hook still costs a single volatile read.
 *
 * <p>A few hooks guard their model code with a {@code try} of their own and call {@link #failed} or
 * {@link #failedQuietly} in its handler, allocating nothing: those the JDK reaches most often
 * ({@code hashCode}, {@code unpark}, the fork-join pool's {@code Unsafe.park}, the allocation of
 * every capturing lambda), and those whose model runs for threads Weft does not control too, which
 * must not link a lambda for such a thread.
 */
final class Guarded {
  private Guarded() {}

  /** Model code that returns nothing and may throw {@code X} for the program. */
  @FunctionalInterface
  interface Action<X extends Throwable> {
    void run() throws X;
  }

  /** Model code that returns a {@code T} and may throw {@code X} for the program. */
  @FunctionalInterface
  interface Call<T, X extends Throwable> {
    T run() throws X;
  }

  /**
   * The execution in progress, when the calling thread is controlled and may act in it; null when
   * the hook must pass through. The thread is marked as inside Weft's code until {@link #run},
   * {@link #call} or {@link #quietly}, which the hook must call next with what this returned.
   */
  static Execution enter() {
    return enter(Execution.active());
  }

  /** As {@link #enter()}, in {@code e}, the execution in progress or null. */
  static Execution enter(Execution e) {
    return e != null && HookGuard.enter(e) ? e : null;
  }

  /** Runs the model code of {@code hook}; Weft's own failure unwinds the calling thread. */
  static <X extends Throwable> void run(Execution e, String hook, Action<X> action) throws X {
    Object token = HookGuard.entered(e);
    try {
      action.run();
    } catch (Throwable t) {
      throw Guarded.<X>rethrown(e, hook, t);
    } finally {
      HookGuard.exited(token);
    }
  }

  /** As {@link #run}, for model code that answers. */
  static <T, X extends Throwable> T call(Execution e, String hook, Call<T, X> call) throws X {
    Object token = HookGuard.entered(e);
    try {
      return call.run();
    } catch (Throwable t) {
      throw Guarded.<X>rethrown(e, hook, t);
    } finally {
      HookGuard.exited(token);
    }
  }

  /**
   * Runs the model code of a hook that must never throw (it runs in exception handlers or as a
   * thread ends): Weft's own failure ends the execution and the hook returns; the thread unwinds at
   * its next hook.
   */
  static void quietly(Execution e, String hook, Action<RuntimeException> action) {
    Object token = HookGuard.entered(e);
    try {
      action.run();
    } catch (RuntimeException | Error t) {
      failedQuietly(e, hook, t);
    } finally {
      HookGuard.exited(token);
    }
  }

  /**
   * The handler of a hook that guards its own model code, in execution {@code e}: rethrows {@code
   * thrown} (unchecked) when it is the program's. When it is Weft's failure, which has ended the
   * execution, a controlled thread unwinds, and any other thread returns, to run the real operation.
   */
  static void failed(Execution e, String hook, Throwable thrown) {
    failedQuietly(e, hook, thrown);
    if (HookGuard.controls(e)) throw HookGuard.unwind();
  }

  /** As {@link #failed}, for a hook that must never throw: it returns on Weft's failure. */
  static void failedQuietly(Execution e, String hook, Throwable thrown) {
    if (HookGuard.blamesWeft(e, hook, thrown)) return;
    if (thrown instanceof Error error) throw error;
    throw (RuntimeException) thrown;
  }

  /**
   * What the hook throws for {@code t}: {@code t} itself when it is the program's, typed as the
   * model code's own exception {@code X} (which it is, or it is unchecked).
   */
  @SuppressWarnings("unchecked")
  private static <X extends Throwable> X rethrown(Execution e, String hook, Throwable t) {
    return HookGuard.blamesWeft(e, hook, t) ? (X) HookGuard.unwind() : (X) t;
  }
}
