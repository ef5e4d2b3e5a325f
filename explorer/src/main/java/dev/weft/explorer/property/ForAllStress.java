package dev.weft.explorer.property;

import dev.weft.explorer.api.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A property hammered by real threads for a while: each thread draws inputs and checks the property
 * on them, over and over, until the duration passes or, with {@link #withOperations}, until that
 * many inputs were checked. Made by {@link Properties#forAllStress};
 * configure it, then {@link #check()}.
 *
 * <pre>{@code
 * ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
 * Properties.forAllStress(Gen.ints(0, 100), Duration.ofSeconds(5), key ->
 *         assertTrue(map.merge(key, 1, Integer::sum) >= 1))
 *     .withThreads(4)
 *     .check()
 *     .assertHolds(); // AssertionError: the failures, or the stuck threads' stacks
 * }</pre>
 *
 * <p>The threads are the JVM's own, not Weft's: nothing is interleaved on purpose, nothing is
 * replayed, and a failing input is not shrunk (the failure may need what the other threads were
 * doing). It is for code Weft cannot control, and to see real parallel speed. A {@link
 * DeadlockDetector} watches the threads: a deadlock, or a thread that made no progress for the
 * stuck timeout, ends the run at once with their stacks. So {@code check()} returns within the
 * duration plus the stuck timeout (plus a poll of at most 100 ms). Stuck threads are then
 * interrupted, which ends a wait on a {@code java.util.concurrent} lock taken with {@code
 * lockInterruptibly}, a latch or a sleep; one stuck on a monitor cannot be stopped and is left
 * behind, a daemon.
 *
 * <p>Input {@code i} (counted over all threads) is drawn from the {@code i}-th split of the seed at
 * size {@code i % 100}; which thread draws which {@code i} depends on timing. With {@code
 * withOperations(n)}, exactly inputs 0 to n - 1 are checked, however fast the machine: bound a run
 * that must see enough inputs (to catch a rare race) by the count, and let the duration only guard
 * against a hang.
 *
 * <p>Public API since 0.2. Not thread-safe while being configured.
 */
public final class ForAllStress<T> {
  /** Failures kept with their inputs; the rest are only counted. */
  static final int FAILURES_KEPT = 10;
  private static final long POLL_MILLIS = 100;

  private final Gen<T> gen;
  private final Duration duration;
  private final Properties.Check<? super T> property;
  private int threads = 4;
  private long seed = Options.defaults().seed();
  private Duration stuckTimeout = Duration.ofSeconds(10);
  /** The inputs to check at most; unbounded (only the duration) by default. */
  private long maxOperations = Long.MAX_VALUE;

  ForAllStress(Gen<T> gen, Duration duration, Properties.Check<? super T> property) {
    this.gen = Objects.requireNonNull(gen, "gen");
    this.duration = Objects.requireNonNull(duration, "duration");
    this.property = Objects.requireNonNull(property, "property");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("forAllStress needs a positive duration, was " + duration);
    }
  }

  /** Real threads that run the property at once, at least 1; 4 by default. */
  public ForAllStress<T> withThreads(int k) {
    if (k < 1) throw new IllegalArgumentException("withThreads needs at least 1, was " + k);
    threads = k;
    return this;
  }

  /** The seed inputs are drawn from; {@code weft.seed}, else 1, by default. */
  public ForAllStress<T> withSeed(long s) {
    seed = s;
    return this;
  }

  /**
   * Stops once {@code n} inputs were checked (inputs 0 to n - 1), or at the duration if that comes
   * first: the count does not depend on the machine's speed, the duration does.
   */
  public ForAllStress<T> withOperations(long n) {
    if (n < 1) throw new IllegalArgumentException("withOperations needs at least 1, was " + n);
    maxOperations = n;
    return this;
  }

  /** How long a thread may go without finishing a check before it is stuck; 10 s by default. */
  public ForAllStress<T> withStuckTimeout(Duration timeout) {
    stuckTimeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("withStuckTimeout needs a positive timeout, was "
          + timeout);
    }
    return this;
  }

  /**
   * Runs the threads for the duration (or until the inputs {@link #withOperations} asked for were
   * checked), or until the detector finds some stuck.
   *
   * @throws InterruptedException when the calling thread is interrupted while it watches; the
   *     threads are then told to stop
   * @throws IllegalStateException when the generator fails (e.g. an exhausted filter), with its
   *     message
   */
  public StressResult<T> check() throws InterruptedException {
    DeadlockDetector detector = new DeadlockDetector(stuckTimeout);
    Run run = new Run(System.nanoTime() + duration.toNanos());
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      // Plain threads, not HarnessThreads: this runs outside any exploration, and they must stay
      // uncontrolled. Daemons, so that a stuck one cannot keep the JVM from exiting.
      Worker worker = new Worker(run);
      Thread t = new Thread(worker, "weft-stress-" + (w + 1));
      t.setDaemon(true);
      worker.beat = detector.watch(t);
      workers.add(t);
    }
    workers.forEach(Thread::start);
    Optional<StuckThreads> stuck = Optional.empty();
    try {
      Optional<Thread> alive;
      while (stuck.isEmpty() && (alive = firstAlive(workers)).isPresent()) {
        alive.get().join(POLL_MILLIS); // returns as soon as it ends; else one poll later
        stuck = detector.scan();
      }
    } finally {
      run.stop = true;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (run.generatorFailed != null) throw run.generatorFailed;
    StressResult<T> result;
    synchronized (run.kept) { // taken before the interrupts below, whose failures do not count
      result = new StressResult<>(threads, run.operations.get(), run.failures.get(), run.kept,
          stuck, seed, elapsed);
    }
    // Best effort: a thread stuck in an interruptible wait ends; one stuck on a monitor stays.
    if (stuck.isPresent()) workers.forEach(Thread::interrupt);
    return result;
  }

  private static Optional<Thread> firstAlive(List<Thread> workers) {
    return workers.stream().filter(Thread::isAlive).findFirst();
  }

  /** What the workers share: when to stop, the next input's number, and the counts. */
  private final class Run {
    final long endNanos;
    volatile boolean stop;
    final AtomicLong nextInput = new AtomicLong();
    final AtomicLong operations = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    /** The first failures; guarded by itself. */
    final List<StressFailure<T>> kept = new ArrayList<>();
    /** The generator's failure, which stops the run; the first one only. */
    volatile RuntimeException generatorFailed;

    Run(long endNanos) {
      this.endNanos = endNanos;
    }
  }

  /** One thread's loop: draw an input, check it, count, beat; until the end or a stop. */
  private final class Worker implements Runnable {
    private final Run run;
    /** Set before the thread starts. */
    DeadlockDetector.Heartbeat beat;

    Worker(Run run) {
      this.run = run;
    }

    @Override
    public void run() {
      Seed root = Seed.of(seed);
      while (!run.stop && System.nanoTime() - run.endNanos < 0) {
        long i = run.nextInput.getAndIncrement();
        if (i >= maxOperations) return;
        T input;
        try {
          input = gen.generate((int) (i % Gen.MAX_SIZE), root.forTest(i)).value();
        } catch (RuntimeException e) { // e.g. an exhausted filter, which names itself
          if (run.generatorFailed == null) run.generatorFailed = e;
          run.stop = true;
          return;
        }
        try {
          property.check(input);
        } catch (Throwable e) {
          if (run.failures.incrementAndGet() <= FAILURES_KEPT) {
            synchronized (run.kept) {
              run.kept.add(new StressFailure<>(i, input, Thread.currentThread().getName(), e));
            }
          }
        }
        run.operations.incrementAndGet();
        beat.beat();
      }
    }
  }
}
