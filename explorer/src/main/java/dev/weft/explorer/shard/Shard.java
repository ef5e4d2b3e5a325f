package dev.weft.explorer.shard;

import dev.weft.scheduler.strategy.dfs.Partition;

/**
 * The {@code number}-th of {@code count} disjoint parts of an exploration's space, counted from 1,
 * as {@code weft run --shard K/N} names it.
 *
 * <p>For a sampling strategy the space is the exploration's execution indices, cut into blocks of
 * {@value #BLOCK} ({@link #blocks}); shard K takes blocks K-1, K-1+N, K-1+2N, ... Each execution is
 * seeded by its index alone, and a strategy learns (PCT's step estimate, SURW's event counts, the
 * plain accesses found racing) only from the executions before it in its own block: so execution i
 * is the same in every shard and every run that explores it, however many shards there are. For
 * systematic search the space is the search tree, cut by the choices of each path's first
 * branching points ({@link Partition}).
 *
 * <p>Internal: public for the command line.
 *
 * @param number this shard, from 1 to {@code count}
 * @param count how many shards, at least 1
 */
public record Shard(int number, int count) {
  /** Executions per block of indices: a strategy's learning starts over at each block. */
  public static final int BLOCK = 100;

  public Shard {
    if (count < 1 || number < 1 || number > count) {
      throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, e.g. 2/4, not "
          + number + "/" + count);
    }
  }

  /**
   * Parses {@code K/N}.
   *
   * @throws IllegalArgumentException saying what a shard looks like
   */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "a shard is K/N with 1 <= K <= N, e.g. 2/4 for the second of four, not '" + text + "'");
  }

  /** The part of a systematic search this shard explores. */
  public Partition partition() {
    return Partition.of(number - 1, count);
  }

  /** This shard's blocks of indices below {@code iterations}, in order, each [first, end). */
  public java.util.List<Range> blocks(int iterations) {
    java.util.List<Range> blocks = new java.util.ArrayList<>();
    for (long first = (long) (number - 1) * BLOCK; first < iterations;
        first += (long) count * BLOCK) {
      blocks.add(new Range((int) first, (int) Math.min(first + BLOCK, iterations)));
    }
    return blocks;
  }

  /** Execution indices {@code first} to {@code end - 1}. */
  public record Range(int first, int end) {}

  @Override
  public String toString() {
    return number + "/" + count;
  }
}
