package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link HalfInitializedSingleton}'s twin: the correct double-checked locking idiom, which
 * configures the object completely before publishing it through the volatile reference.
 */
@Expect(bug = false)
public final class HalfInitializedSingletonFixed {
  static final class SafeRegistry extends HalfInitializedSingleton.Registry {
    @Override
    void create() {
      HalfInitializedSingleton.Settings s = new HalfInitializedSingleton.Settings();
      s.port = HalfInitializedSingleton.PORT;
      instance = s;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    HalfInitializedSingleton.getConcurrently(new SafeRegistry());
  }
}
