package dev.weft.scheduler.trace;

import dev.weft.scheduler.view.ChoiceKind;
import java.util.Arrays;

/**
 * The decisions of one execution, in order: which thread ran at each point with more than one
 * candidate, and every other nondeterministic choice. Appending does not allocate per step
 * (amortized growth only). Each entry packs a {@link ChoiceKind} and a value.
 */
public final class Choices {
  private static final int VALUE_BITS = 24;
  private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;

  private int[] entries;
  private int size;

  public Choices() {
    entries = new int[64];
  }

  private Choices(int[] entries) {
    this.entries = entries;
    this.size = entries.length;
  }

  public void add(ChoiceKind kind, int value) {
    if (value < 0 || value > VALUE_MASK) throw new IllegalArgumentException("choice " + value);
    if (size == entries.length) entries = Arrays.copyOf(entries, Math.max(16, size * 2));
    entries[size++] = (kind.ordinal() << VALUE_BITS) | value;
  }

  public int size() {
    return size;
  }

  public ChoiceKind kind(int i) {
    return ChoiceKind.values()[entries[i] >>> VALUE_BITS];
  }

  public int value(int i) {
    return entries[i] & VALUE_MASK;
  }

  public void clear() {
    size = 0;
  }

  /** An immutable copy. */
  public Choices copy() {
    return new Choices(Arrays.copyOf(entries, size));
  }

  public static Choices of(ChoiceKind[] kinds, int[] values) {
    Choices c = new Choices();
    for (int i = 0; i < kinds.length; i++) c.add(kinds[i], values[i]);
    return c.copy();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Choices c
        && Arrays.equals(entries, 0, size, c.entries, 0, c.size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) h = 31 * h + entries[i];
    return h;
  }
}
