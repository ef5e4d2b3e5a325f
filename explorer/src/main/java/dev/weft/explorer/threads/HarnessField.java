package dev.weft.explorer.threads;

import dev.weft.scheduler.hooks.MemoryHooks;
import dev.weft.scheduler.hooks.WeftHooks;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A value that the threads of Weft's own harnesses share, seen by the scheduler as a volatile
 * field of the program: Weft's classes are never instrumented, so each access reports itself. Every
 * read and update is a scheduling point, and an access that partial-order reduction and race
 * detection see, so the order in which a harness thread sets it and another reads it is explored.
 * Outside an exploration it is an {@link AtomicReference}. Internal.
 *
 * @param <V> the value's type
 */
public final class HarnessField<V> {
  private final Sites sites;
  private final AtomicReference<V> value;

  private HarnessField(Sites sites, V initial) {
    this.sites = sites;
    this.value = new AtomicReference<>(initial);
  }

  /**
   * The sites of one field, registered once: the trace names the field as {@code name} of {@code
   * owner}, and partial-order reduction keys it by that name.
   */
  public static final class Sites {
    private final int read;
    private final int write;

    /**
     * @param owner the harness class that holds the field
     * @param name the field's name
     */
    public Sites(String owner, String name) {
      String internal = owner.replace('.', '/');
      String simple = owner.substring(owner.lastIndexOf('.') + 1);
      this.read = WeftHooks.registerSite(internal, "get", simple, -1, name);
      this.write = WeftHooks.registerSite(internal, "set", simple, -1, name);
    }

    /** A new field at these sites, holding {@code initial}. */
    public <V> HarnessField<V> field(V initial) {
      return new HarnessField<>(this, initial);
    }
  }

  public V get() {
    MemoryHooks.volatileRead(this, sites.read);
    return value.get();
  }

  /** Replaces the value with {@code update} of it, atomically; returns the value before. */
  public V getAndUpdate(UnaryOperator<V> update) {
    MemoryHooks.volatileWrite(this, sites.write);
    return value.getAndUpdate(update);
  }
}
