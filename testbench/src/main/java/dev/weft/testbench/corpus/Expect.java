package dev.weft.testbench.corpus;

import dev.weft.explorer.api.FailureKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The declared verdict of a corpus program: whether some interleaving makes its {@code main} fail,
 * and how. The tests read only this, never the program's name.
 *
 * <pre>{@code
 * @Expect(bug = true, kind = FailureKind.DEADLOCK)   // some interleaving deadlocks
 * @Expect(bug = false)                               // no interleaving fails
 * }</pre>
 *
 * <p>{@code kind} has no default on purpose: a buggy program names exactly one kind, a correct one
 * names none; {@link Corpus} rejects anything else.
 *
 * <p>The other elements tune how the tests treat one program; each default means "as every other
 * program". A program that sets one says why in its class comment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Expect {
  /** True when some interleaving fails. */
  boolean bug();

  /** How the bug shows: exactly one kind when {@link #bug()} is true, none otherwise. */
  FailureKind[] kind() default {};

  /**
   * Executions per exploration, when this program needs a larger budget than the tests' default
   * for its bug to be found under every strategy and seed; 0 means the default. Only for buggy
   * programs.
   */
  int executions() default 0;

  /**
   * Weft's step bound per execution ({@code maxSteps}) for this program; 0 means Weft's default. A
   * livelocking program sets a small one, so that each livelock is reported quickly.
   */
  int maxSteps() default 0;

  /**
   * True when the bug stays hidden under plain stress: running {@code main} natively, without
   * exploration, many times over does not reveal it, while exploration does. Only for buggy
   * programs; the tests check both halves.
   */
  boolean hiddenUnderStress() default false;

  /**
   * Fields whose data races the program means ({@code com.acme.Node.next}), declared benign when
   * the tests detect races. A program that names one says in its class comment why the race is
   * harmless.
   */
  String[] benignRaces() default {};

  /**
   * The first JDK (feature release) on which Weft explores this program, e.g. 24 for one that
   * starts virtual threads; 0 means every JDK Weft runs on. On an earlier JDK the program stays
   * registered, but {@link Corpus#programs()} leaves it out, so no test or benchmark runs it.
   */
  int jdk() default 0;

  /**
   * True when the program's bug, or its correctness, lies in its static initializers: each
   * execution then loads the program's classes afresh, as {@code weft run} does, so that every
   * execution initializes them (in one JVM a class is initialized once, and Weft stops a thread that
   * would wait for an initializer there, as it could not be replayed).
   */
  boolean freshClasses() default false;
}
