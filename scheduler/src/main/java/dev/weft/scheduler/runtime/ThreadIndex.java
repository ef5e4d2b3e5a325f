package dev.weft.scheduler.runtime;

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
final class ThreadIndex {
  private volatile ControlledThread[] slots = new ControlledThread[16];
  private int size;

  /** The controlled thread running on {@code t}, or null. */
  ControlledThread find(Thread t) {
    ControlledThread[] s = slots;
    int mask = s.length - 1;
    for (int i = slot(t, mask); ; i = (i + 1) & mask) {
      ControlledThread ct = s[i];
      if (ct == null || ct.thread == t) return ct;
    }
  }

  /** Adds {@code ct}; called by the thread holding the turn, before {@code ct}'s thread starts. */
  void add(ControlledThread ct) {
    ControlledThread[] s = slots;
    if ((size + 1) * 2 > s.length) s = grown(s);
    insert(s, ct);
    size++;
    slots = s;
  }

  private static ControlledThread[] grown(ControlledThread[] old) {
    ControlledThread[] s = new ControlledThread[old.length * 2];
    for (ControlledThread ct : old) if (ct != null) insert(s, ct);
    return s;
  }

  private static void insert(ControlledThread[] s, ControlledThread ct) {
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
