package dev.weft.explorer.property;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches real threads for two ways of getting stuck: a deadlock the JVM sees (threads waiting for
 * each other's monitors or {@code java.util.concurrent} locks, {@link
 * ThreadMXBean#findDeadlockedThreads}), and a watched thread that makes no progress for the
 * timeout (a lost wake-up, a latch never counted down, an endless loop). Used by {@link
 * Properties#forAllStress}, where Weft's scheduler, which finds such bugs by itself, is not in
 * control.
 *
 * <pre>{@code
 * DeadlockDetector detector = new DeadlockDetector(Duration.ofSeconds(10));
 * DeadlockDetector.Heartbeat beat = detector.watch(worker); // the worker calls beat.beat()
 * detector.scan().ifPresent(stuck -> fail(stuck.toString())); // both threads' stacks
 * }</pre>
 *
 * <p>Public API since 0.2. Thread-safe. Deadlocks that existed when the detector was made are not
 * reported: they belong to something else in the JVM.
 */
public final class DeadlockDetector {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long timeoutNanos;
  private final Set<Long> deadlockedBefore;
  /** Per watched thread, when it last made progress ({@link System#nanoTime}). */
  private final Map<Thread, AtomicLong> lastProgress = new ConcurrentHashMap<>();

  /** @param timeout how long a watched thread may go without progress before it is stuck */
  public DeadlockDetector(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the stuck timeout must be positive, was " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    this.deadlockedBefore = deadlocked();
  }

  /** What a watched thread calls each time it made progress. */
  public interface Heartbeat {
    void beat();
  }

  /** Starts watching {@code thread} for progress, as of now. */
  public Heartbeat watch(Thread thread) {
    AtomicLong last = new AtomicLong(System.nanoTime());
    lastProgress.put(thread, last);
    return () -> last.set(System.nanoTime());
  }

  /** Stops watching {@code thread}, e.g. once it ended its work. */
  public void unwatch(Thread thread) {
    lastProgress.remove(thread);
  }

  /**
   * A deadlock that appeared since the detector was made, else the watched threads, still alive,
   * that made no progress for the timeout; empty when neither.
   */
  public Optional<StuckThreads> scan() {
    Set<Long> deadlocked = deadlocked();
    deadlocked.removeAll(deadlockedBefore);
    if (!deadlocked.isEmpty()) {
      return Optional.of(describe(StuckThreads.Kind.DEADLOCK, deadlocked));
    }
    long now = System.nanoTime();
    Set<Long> silent = new HashSet<>();
    lastProgress.forEach((t, last) -> {
      if (t.isAlive() && now - last.get() > timeoutNanos) silent.add(t.getId());
    });
    return silent.isEmpty() ? Optional.empty()
        : Optional.of(describe(StuckThreads.Kind.NO_PROGRESS, silent));
  }

  private static Set<Long> deadlocked() {
    long[] ids = THREADS.findDeadlockedThreads();
    Set<Long> set = new HashSet<>();
    if (ids != null) for (long id : ids) set.add(id);
    return set;
  }

  private StuckThreads describe(StuckThreads.Kind kind, Set<Long> ids) {
    long[] array = ids.stream().mapToLong(Long::longValue).sorted().toArray();
    List<StuckThreads.Stuck> stuck = new ArrayList<>();
    for (ThreadInfo info : THREADS.getThreadInfo(array, true, true)) {
      if (info == null) continue; // it ended since
      stuck.add(new StuckThreads.Stuck(info.getThreadName(), info.getThreadState().toString(),
          info.getLockName(), info.getLockOwnerName(), List.of(info.getStackTrace())));
    }
    return new StuckThreads(kind, Duration.ofNanos(timeoutNanos), stuck);
  }
}
