package dev.weft.scheduler.runtime;

import dev.weft.scheduler.strategy.SplitMix64;

/**
 * The values a program would otherwise get from outside the schedule, made the same on every run
 * of the same schedule: identity hash codes of objects the controlled threads allocate, seeds of
 * unseeded random numbers, default thread and pool numbers, thread ids. Each answer is the real
 * one for threads Weft does not control. Every execution starts from the same state, so a schedule
 * replays the same numbers whatever ran before it.
 */
public final class Determinism {
  private static final long SEED = 0x5EED_0F_3EF7L;
  /** Thread ids shown to the program: far above the JVM's own small numbers. */
  private static final long THREAD_ID_BASE = 1_000_000L;

  private final Execution execution;
  private final SplitMix64 random = new SplitMix64(SEED);
  /** Objects of this execution whose real identity hash was read before they were constructed. */
  private final IdentityTable<Boolean> hashedForReal = new IdentityTable<>();
  /**
   * The id of each thread the execution has seen: numbered in the order it first saw them, when it
   * began to control them, or earlier, when a controlled thread read the id of a thread not yet
   * started (an executor of virtual threads keeps them in a set before it starts them, and a
   * virtual thread's hash code is its id, so the id must not change when the thread starts).
   */
  private final IdentityTable<Long> threadIds = new IdentityTable<>();
  /**
   * Per class, how many of its instances got a chosen hash in this execution. The n-th instance of
   * a class gets the same hash whatever else was allocated before it, so the JDK's own allocations,
   * which differ between JDK releases (and happen only once for a class initialized during the
   * first execution), do not shift the hashes of the objects a hash set orders.
   */
  private final IdentityTable<int[]> instances = new IdentityTable<>();
  private int threadNumbers;
  private int poolNumbers;

  Determinism(Execution execution) {
    this.execution = execution;
  }

  /**
   * A controlled thread constructed {@code o}: it gets the next chosen identity hash code, unless
   * its real one was read already (in its own constructor, say), which it must then keep. What
   * this costs runs inside the hook: the table it fills is a {@code java.util.concurrent} class,
   * whose own allocations would come back here.
   */
  public void allocated(Object o) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null || o == null) return;
    ct.insideHook = true;
    try {
      if (!IdentityHashes.identityHashed(o.getClass()) || hashedForReal.get(o) != null) return;
      IdentityHashes.choose(o, nextHash(o.getClass()));
    } finally {
      ct.insideHook = false;
    }
  }

  /** The hash of the next instance of {@code type}: a function of its name and its number. */
  private int nextHash(Class<?> type) {
    int[] count = instances.get(type);
    if (count == null) {
      count = new int[1];
      instances.put(type, count);
    }
    long name = stableName(type).hashCode() * 0x9E3779B97F4A7C15L;
    int hash = (int) (SplitMix64.mix(SEED ^ name ^ ++count[0]) >>> 33); // positive, like HotSpot's
    return hash == 0 ? 1 : hash;
  }

  /**
   * The name of {@code type}, without what differs from one JVM to the next: a hidden class (a
   * lambda's) is named after its host, as the JVM numbers and places it as it pleases.
   */
  private static String stableName(Class<?> type) {
    String name = type.getName();
    if (!type.isHidden()) return name;
    int lambda = name.indexOf("$$Lambda");
    return name.substring(0, lambda >= 0 ? lambda : name.indexOf('/'));
  }

  /**
   * A controlled thread read the real identity hash of {@code o}, which has no chosen one: if it
   * is still being constructed, it must keep that hash. Hooks reached while the class is examined
   * (reflection hashes too) pass through.
   */
  public void hashedForReal(Object o) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null || o == null) return;
    ct.insideHook = true;
    try {
      if (IdentityHashes.identityHashed(o.getClass())) hashedForReal.put(o, Boolean.TRUE);
    } finally {
      ct.insideHook = false;
    }
  }

  /** The identity hash chosen for {@code o}, or 0 when the real one applies. */
  public static int identityHash(Object o) {
    return IdentityHashes.of(o);
  }

  /** A seed for an unseeded random generator, instead of {@code real}. */
  public long seed(long real) {
    return execution.holdingTurn() == null ? real : random.nextLong();
  }

  /** {@code Math.random()}, or NaN when the real one applies. */
  public double mathRandom() {
    return execution.holdingTurn() == null ? Double.NaN : (random.nextLong() >>> 11) * 0x1.0p-53;
  }

  /** The number of a default thread name ({@code Thread-N}), instead of {@code real}. */
  public int threadNumber(int real) {
    return execution.holdingTurn() == null ? real : threadNumbers++;
  }

  /** The number of an executor's default pool name ({@code pool-N-thread-M}). */
  public int poolNumber(int real) {
    return execution.holdingTurn() == null ? real : ++poolNumbers;
  }

  /**
   * The id of {@code t} as a controlled thread sees it, instead of {@code real}. Threads Weft does
   * not control (a test framework's, the runtime's own) see real ids.
   */
  public long threadId(Thread t, long real) {
    if (execution.holdingTurn() == null) return real;
    Long id = threadIds.get(t);
    if (id != null) return id;
    return t.getState() == Thread.State.NEW ? sighted(t) : real;
  }

  /** Gives {@code t}, controlled from now on or read before it starts, its id unless it has one. */
  long sighted(Thread t) {
    Long id = threadIds.get(t);
    if (id == null) {
      id = THREAD_ID_BASE + threadIds.size();
      threadIds.put(t, id);
    }
    return id;
  }
}
