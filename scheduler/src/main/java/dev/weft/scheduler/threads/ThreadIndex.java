package dev.weft.scheduler.threads;

/**
 * The controlled threads of one execution by their {@code Thread}, so that a hook finds its
 * caller, and a start or a join its thread, in constant time instead of a scan of every thread:
 * an execution of N threads otherwise spends O(N²) in those scans.
 *
 * <p>Hashed by the real identity hash, as {@link IdentityTable} is and for the same reason; every
 * controlled thread's is read anyway when {@link Determinism} gives it its id. Open addressing,
 * linear probing, never a removal. Only the thread holding the turn adds, but any thread looks up
 * (a thread just started, one Weft does not control passing a hook): an add writes its slot, then
 * publishes the table through the volatile field, and a lookup reads that field first. A lookup
 * racing an add may miss the thread added, which is never the thread it looks for: a thread is
 * added before it starts, and the one holding the turn is the only one adding.
 */
public final class ThreadIndex<T extends TurnHolder> {
  private volatile TurnHolder[] slots = new TurnHolder[16];
  private int size;

  /** The controlled thread running on {@code t}, or null. */
  @SuppressWarnings("unchecked") // only add puts threads in, each a T
  public T find(Thread t) {
    TurnHolder[] s = slots;
    int mask = s.length - 1;
    for (int i = slot(t, mask); ; i = (i + 1) & mask) {
      TurnHolder ct = s[i];
      if (ct == null || ct.thread == t) return (T) ct;
    }
  }

  /** Adds {@code ct}; called by the thread holding the turn, before {@code ct}'s thread starts. */
  public void add(T ct) {
    TurnHolder[] s = slots;
    if ((size + 1) * 2 > s.length) s = grown(s);
    insert(s, ct);
    size++;
    slots = s;
  }

  private static TurnHolder[] grown(TurnHolder[] old) {
    TurnHolder[] s = new TurnHolder[old.length * 2];
    for (TurnHolder ct : old) if (ct != null) insert(s, ct);
    return s;
  }

  private static void insert(TurnHolder[] s, TurnHolder ct) {
    int mask = s.length - 1;
    int i = slot(ct.thread, mask);
    while (s[i] != null) i = (i + 1) & mask;
    s[i] = ct;
  }

  private static int slot(Thread t, int mask) {
    int h = System.identityHashCode(t) * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
