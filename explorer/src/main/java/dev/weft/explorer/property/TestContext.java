package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.List;

/**
 * What one test of a property may say besides passing or failing: labels that classify its input
 * (counted over all tests and shown as a table of percentages), and whether the input is to be
 * discarded.
 *
 * <pre>{@code
 * Properties.forAll(Gen.lists(Gen.ints(0, 9), 0, 5), (list, ctx) -> {
 *   ctx.classify("empty", list.isEmpty());
 *   ctx.collect("length", list.size());
 *   assertEquals(list, reverse(reverse(list)));
 * });
 * }</pre>
 *
 * <p>Public API since 0.2. One context per test, used by the thread running that test only.
 */
public final class TestContext {
  private final List<String> labels = new ArrayList<>();

  TestContext() {}

  /** Labels this test with {@code label} when {@code condition} holds. */
  public void classify(String label, boolean condition) {
    if (condition) label(label);
  }

  /** Labels this test with {@code label}. A label counts once per test. */
  public void label(String label) {
    if (!labels.contains(label)) labels.add(label);
  }

  /** Labels this test {@code name=value}, e.g. {@code length=3}: the table shows the spread. */
  public void collect(String name, Object value) {
    label(name + "=" + value);
  }

  /**
   * Discards this test when {@code condition} is false: it neither passes nor fails, and another
   * input is tried in its place. Too many discards (ten for every test asked for) give up.
   */
  public void assume(boolean condition) {
    if (!condition) throw Discarded.INSTANCE;
  }

  List<String> labels() {
    return labels;
  }

  /** Thrown by {@link #assume} to end a test as discarded. No stack: it is not a failure. */
  static final class Discarded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Discarded INSTANCE = new Discarded();

    private Discarded() {
      super("test discarded by assume", null, false, false);
    }
  }
}
