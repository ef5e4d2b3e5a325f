package dev.weft.explorer.junit;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A JUnit 5 test whose body Weft explores: each execution runs on a fresh instance of the test class
 * (its constructor, its {@code @BeforeEach} methods, the test method, its {@code @AfterEach}
 * methods), under Weft's scheduler, until a bug, the iterations or the time limit. A bug fails the
 * test with the trace as the message and the command that replays it.
 *
 * <p>Every setting is optional; an unset one comes from {@link ExplorationDefaults} on the class,
 * else from {@link dev.weft.explorer.api.Options}' defaults. A {@code weft.*} system property
 * ({@code -Dweft.iterations=100000}) overrides both, so a build can search longer without editing
 * tests. The settings are arrays only so that "unset" can be told apart from any value: write one
 * value, {@code @InterleavingTest(strategy = StrategyKind.DFS, iterations = 5000)}.
 *
 * <p>Explorations in one JVM run one at a time: under JUnit's parallel execution these tests hold a
 * shared resource lock, so they run one after another while other tests go on.
 *
 * <p>Public API since 0.1.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(InterleavingExtension.class)
@ResourceLock(InterleavingExtension.EXPLORATION_LOCK)
public @interface InterleavingTest {
  /** The strategy; default {@code portfolio} (property {@code weft.strategy}). */
  StrategyKind[] strategy() default {};

  /** Executions at most; default 1000 (property {@code weft.iterations}). */
  int[] iterations() default {};

  /** The exploration's seed; default 1 (property {@code weft.seed}). */
  long[] seed() default {};

  /** The whole exploration's time limit, e.g. {@code "30s"}; default 60s. */
  String[] timeLimit() default {};

  /** Scheduling points per execution at most; default 20000. */
  int[] maxSteps() default {};

  /** Preemptions per execution at most; default none. */
  int[] preemptionBound() default {};

  /** Report data races as bugs; default false (the agent must run with {@code races}). */
  boolean[] detectRaces() default {};

  /**
   * Explore spurious wakeups of the program's waits and parks, at most one per execution; default
   * true (property {@code weft.spuriousWakeups}).
   */
  boolean[] spuriousWakeups() default {};

  /**
   * When a timed wait may expire: {@code ANYTIME} (one under a second at any point, the default)
   * or {@code WHEN_BLOCKED} (only when no other thread can run); property {@code weft.timeouts}
   * ({@code anytime}, {@code when-blocked}).
   */
  Timeouts[] timeouts() default {};
}
