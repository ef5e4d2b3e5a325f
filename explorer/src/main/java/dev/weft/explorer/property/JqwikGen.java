package dev.weft.explorer.property;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The bridge from jqwik, the JVM's property-testing engine: any jqwik {@link Arbitrary} as a {@link
 * Gen}, keeping jqwik's own shrinking. Needs jqwik on the class path (Weft declares it only as a
 * provided dependency); this class is the only one that touches it, so nothing else loads jqwik.
 *
 * <pre>{@code
 * Gen<String> names = JqwikGen.of(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
 * }</pre>
 *
 * <p>Public API since 0.2.
 */
public final class JqwikGen {
  /** jqwik's generation size at Weft's largest size: jqwik's default number of tries. */
  private static final int JQWIK_MAX_SIZE = 1000;
  /** jqwik's shrinks of one value that a tree keeps, the most promising first. */
  private static final int MAX_SHRINKS = 1000;

  private JqwikGen() {}

  /**
   * A generator that draws from {@code arbitrary} with a {@link Random} seeded from Weft's seed (so
   * the same seed gives the same values) at a jqwik size that grows with Weft's, and shrinks as
   * jqwik shrinks: the shrinks of a tree are the first 1,000 of jqwik's {@link
   * Shrinkable#shrink()}. Works inside a jqwik property and outside one.
   */
  public static <T> Gen<T> of(Arbitrary<T> arbitrary) {
    return new Gen<>((size, seed) -> {
      int genSize = Math.max(1, (size + 1) * JQWIK_MAX_SIZE / Gen.MAX_SIZE);
      return tree(inJqwik(() -> arbitrary.generator(genSize).next(new Random(seed.nextLong()))));
    });
  }

  private static <T> Tree<T> tree(Shrinkable<T> s) {
    return new Tree<>(s.value(), () -> {
      List<Shrinkable<T>> shrinks = inJqwik(() -> s.shrink().limit(MAX_SHRINKS).toList());
      return shrinks.stream().map(JqwikGen::tree);
    });
  }

  /**
   * Runs {@code action} where jqwik's lifecycle is available. Some arbitraries (collections, for
   * one) keep state in that lifecycle: inside a jqwik property it is there; outside, jqwik refuses
   * (with its OutsideJqwikException, which its API does not export) and the action runs again in a
   * {@link JqwikSession}, jqwik's own lifecycle for use outside its engine.
   */
  private static <V> V inJqwik(Supplier<V> action) {
    if (JqwikSession.isActive()) return action.get();
    try {
      return action.get();
    } catch (RuntimeException e) {
      if (!e.getClass().getSimpleName().equals("OutsideJqwikException")) throw e;
    }
    AtomicReference<V> result = new AtomicReference<>();
    try {
      JqwikSession.run(() -> result.set(action.get()));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t); // action.get() throws nothing checked
    }
    return result.get();
  }
}
