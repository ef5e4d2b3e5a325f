package dev.weft.scheduler.strategy.dfs;

/**
 * Part {@code part} of {@code parts} of a systematic search, for running the parts apart (on other
 * cores or machines) and merging their verdicts.
 *
 * <p>The first {@code prefixNodes} branching points of every path (nodes with two or more choices
 * the search may take) form its prefix. At those points each part explores every choice, not only
 * the ones partial-order reduction asks for, in the same order in every part; so every part walks
 * the same prefix tree, with the same sleep sets. A path belongs to the part numbered by its
 * choices at the prefix points read as a mixed-radix number, modulo {@code parts}; each part cuts
 * the others' paths short at the first scheduling point after their prefix, once the last prefix
 * step has run (so its footprint is known to the sleep sets after it, as in a whole search). Below
 * the prefix, each part runs ordinary DPOR from the state its prefix reached.
 *
 * <p>Why the union of the parts covers what one whole search covers: a fully expanded node is a
 * superset of any backtrack set DPOR could ask for there, so a race whose reversal needs a prefix
 * point is covered by the part that owns the reversed prefix; every backtrack point a race below
 * the prefix asks for lies on the owning part's own path; and a thread asleep at a node is asleep
 * because an earlier sibling's subtree, whichever part explored it, covers what it would start.
 * An execution that ends before its prefix is complete cannot be cut short after its prefix: it
 * runs in every part that reaches it, and is the part's own only in the one its number names.
 *
 * @param part this part, from 0
 * @param parts how many parts, at least 1
 * @param prefixNodes how many branching points form the prefix, at least 1
 */
public record Partition(int part, int parts, int prefixNodes) {
  public Partition {
    if (parts < 1 || part < 0 || part >= parts || prefixNodes < 1) {
      throw new IllegalArgumentException("no part " + part + " of " + parts + " with a prefix of "
          + prefixNodes + " branching points");
    }
  }

  /**
   * Part {@code part} of {@code parts}, with a prefix of enough branching points to give every part
   * at least 4 prefixes when each point has two choices: ceil(log2(parts)) + 2.
   */
  public static Partition of(int part, int parts) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, parts - 1));
    return new Partition(part, parts, (parts == 1 ? 0 : bits) + 2);
  }

  /** Whether the path whose prefix reads as {@code number} is this part's. */
  boolean owns(long number) {
    return Math.floorMod(number, (long) parts) == part;
  }
}
