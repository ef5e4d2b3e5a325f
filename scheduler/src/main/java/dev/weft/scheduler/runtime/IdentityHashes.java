package dev.weft.scheduler.runtime;

import java.lang.ref.ReferenceQueue;
import java.util.Arrays;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identity hash codes Weft chose, for objects a controlled thread allocated. Kept for the object's
 * whole life, across executions and outside them, so an object never shows two hash codes (a hash
 * map built during an execution is still searchable after it). Objects are held weakly.
 */
final class IdentityHashes {
  private static final ConcurrentHashMap<Key, Integer> CHOSEN = new ConcurrentHashMap<>();
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
  private static final ClassValue<Boolean> IDENTITY_HASHED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("hashCode").getDeclaringClass() == Object.class;
      } catch (NoSuchMethodException e) {
        return Boolean.TRUE; // interfaces have no public hashCode; never allocated anyway
      }
    }
  };
  /**
   * The classes of objects with a chosen hash, so that a lookup for any other object costs one scan
   * of a short array. It also keeps the lookup from recursing: the table's own keys, and whatever
   * reflection hashes while a class is examined, are never of these classes.
   */
  private static volatile Class<?>[] classes = new Class<?>[0];

  private IdentityHashes() {}

  /** Whether instances of {@code type} hash by identity (it does not override hashCode). */
  static boolean identityHashed(Class<?> type) {
    return IDENTITY_HASHED.get(type);
  }

  static void choose(Object o, int hash) {
    expungeCollected();
    CHOSEN.putIfAbsent(new Key(o, COLLECTED), hash);
    addClass(o.getClass());
  }

  private static synchronized void addClass(Class<?> type) {
    Class<?>[] known = classes;
    for (Class<?> k : known) if (k == type) return;
    Class<?>[] grown = Arrays.copyOf(known, known.length + 1);
    grown[known.length] = type;
    classes = grown;
  }

  /** The hash chosen for {@code o}, or 0 when none was. */
  static int of(Object o) {
    if (o == null || !hasChosen(o.getClass())) return 0;
    Integer h = CHOSEN.get(new Key(o, null));
    return h == null ? 0 : h;
  }

  private static boolean hasChosen(Class<?> type) {
    for (Class<?> k : classes) if (k == type) return true;
    return false;
  }

  private static void expungeCollected() {
    for (Object k; (k = COLLECTED.poll()) != null; ) CHOSEN.remove(k);
  }

  /** A weak reference compared by the identity of its referent. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) return true;
      Object mine = get();
      return other instanceof Key k && mine != null && mine == k.get();
    }
  }
}
