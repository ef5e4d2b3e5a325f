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
  PCT;

  /** The name used on the command line and in schedule files: {@code random}, {@code pct}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name; throws IllegalArgumentException naming the valid ones. */
  public static StrategyKind parse(String name) {
    for (StrategyKind k : values()) if (k.cliName().equalsIgnoreCase(name.trim())) return k;
    throw new IllegalArgumentException(
        "unknown strategy '" + name + "'; choose one of: random, pct");
  }
}
