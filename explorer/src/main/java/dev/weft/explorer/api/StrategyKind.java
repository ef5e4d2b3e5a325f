package dev.weft.explorer.api;

import java.util.Locale;

/**
 * The search strategies users may choose. See {@code docs/strategies.md}.
 *
 * <p>Public API since 0.1.
 */
public enum StrategyKind {
  /** Seeded random walk: every enabled thread equally likely at every point. */
  RANDOM,
  /** Probabilistic Concurrency Testing with depth {@link Options#pctDepth()}. */
  PCT,
  /**
   * Exhaustive depth-first search with dynamic partial-order reduction: explores every
   * interleaving class once, and says so when it has covered them all.
   */
  DFS,
  /** Partial Order Sampling: random priorities per event, redrawn for conflicting events. */
  POS,
  /** Selectively Uniform Random Walk: threads weighted by the shared-state events they have left. */
  SURW,
  /**
   * Random, PCT, POS, SURW and DFS taking turns, one execution each: the default. Stops, with the
   * program proved, when its systematic member has covered every interleaving class.
   */
  PORTFOLIO;

  /** The name used on the command line and in schedule files: {@code random}, {@code pct}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The command-line names of every strategy, comma-separated. */
  public static String names() {
    StringBuilder s = new StringBuilder();
    for (StrategyKind k : values()) s.append(s.length() == 0 ? "" : ", ").append(k.cliName());
    return s.toString();
  }

  /** Parses a command-line name; throws IllegalArgumentException naming the valid ones. */
  public static StrategyKind parse(String name) {
    for (StrategyKind k : values()) if (k.cliName().equalsIgnoreCase(name.trim())) return k;
    throw new IllegalArgumentException(
        "unknown strategy '" + name + "'; choose one of: " + names());
  }
}
