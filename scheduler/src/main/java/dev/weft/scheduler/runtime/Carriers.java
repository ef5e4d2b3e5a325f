package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Enough carrier threads for one execution's virtual threads. A virtual thread waiting for its turn
 * gives its carrier back, unless it is pinned to it (inside a class initializer or a native frame),
 * and the JDK's scheduler adds no carrier for a pinned one: with as many pinned as the scheduler
 * has carriers, the thread given the turn would never run. So, whenever a controlled thread starts
 * a virtual thread, the scheduler's parallelism is raised to one more than the execution's live
 * virtual threads; it is set back once the execution is over. The scheduler only adds a carrier
 * when a virtual thread is ready to run and none is free, so most of this headroom is never used.
 */
public final class Carriers {
  /** {@code ForkJoinPool.setParallelism} (JDK 19+, so not called by name), or null on JDK 17. */
  private static final MethodHandle SET_PARALLELISM = findSetParallelism();

  private final Execution execution;
  /** The scheduler whose parallelism this execution raised, and what it was; null if none. */
  private ForkJoinPool raised;
  private int original;

  Carriers(Execution execution) {
    this.execution = execution;
  }

  /** A controlled thread is starting a virtual thread that {@code scheduler} will carry. */
  public void starting(Executor scheduler) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null || !(scheduler instanceof ForkJoinPool pool)) return;
    int needed = 1;
    for (ControlledThread t : execution.threads()) {
      if (t.virtual && t.status != ThreadStatus.FINISHED) needed++;
    }
    if (pool.getParallelism() >= needed) return;
    if (raised == null) {
      raised = pool;
      original = pool.getParallelism();
    }
    ct.insideHook = true; // the pool's code is the JDK's business
    try {
      setParallelism(pool, needed);
    } catch (IllegalArgumentException e) {
      // Beyond the scheduler's maximum pool size (256 by default), which bounds carriers anyway.
    } finally {
      ct.insideHook = false;
    }
  }

  /** Called once the execution has ended, from the thread that ran it. */
  void restore() {
    if (raised != null) setParallelism(raised, original);
  }

  private static void setParallelism(ForkJoinPool pool, int parallelism) {
    try {
      SET_PARALLELISM.invokeExact(pool, parallelism);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e); // it declares no checked exception
    }
  }

  private static MethodHandle findSetParallelism() {
    try {
      return MethodHandles.publicLookup().findVirtual(ForkJoinPool.class, "setParallelism",
              MethodType.methodType(int.class, int.class))
          .asType(MethodType.methodType(void.class, ForkJoinPool.class, int.class));
    } catch (ReflectiveOperationException e) {
      return null; // JDK 17, which has no virtual threads
    }
  }
}
