package dev.weft.explorer.property;

import java.util.List;

/**
 * One test of a property: its input's tree (null when generation failed) and how it ended.
 *
 * @param labels the labels the test gave before it ended
 * @param error the property's failure, or the generator's exception
 */
record TestRun<T>(Kind kind, Tree<T> input, List<String> labels, Throwable error) {
  enum Kind { PASSED, DISCARDED, FAILED, GENERATION_FAILED }

  /** Runs {@code check} on the value of {@code input}. */
  static <T> TestRun<T> of(Tree<T> input, Properties.CheckWithContext<? super T> check) {
    TestContext ctx = new TestContext();
    try {
      check.check(input.value(), ctx);
      return new TestRun<>(Kind.PASSED, input, ctx.labels(), null);
    } catch (TestContext.Discarded d) {
      return new TestRun<>(Kind.DISCARDED, input, ctx.labels(), null);
    } catch (Throwable t) {
      return new TestRun<>(Kind.FAILED, input, ctx.labels(), t);
    }
  }

  static <T> TestRun<T> generationFailed(RuntimeException e) {
    return new TestRun<>(Kind.GENERATION_FAILED, null, List.of(), e);
  }

  /** Whether the tests after this one need not run. */
  boolean stops() {
    return kind == Kind.FAILED || kind == Kind.GENERATION_FAILED;
  }
}
