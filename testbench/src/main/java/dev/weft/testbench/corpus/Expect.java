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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Expect {
  /** True when some interleaving fails. */
  boolean bug();

  /** How the bug shows: exactly one kind when {@link #bug()} is true, none otherwise. */
  FailureKind[] kind() default {};
}
