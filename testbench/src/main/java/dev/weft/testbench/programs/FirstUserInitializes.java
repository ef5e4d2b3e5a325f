package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Two threads race to use a registry, whose static initializer records the thread that ran it as
 * the registry's owner; the second thread assumes the first one initialized it. Whichever thread
 * uses the class first runs its initializer (the other waits until it ends), so the bug needs the
 * second thread to get there first: systematic search finds it only because the two first uses of
 * a class are dependent. The classes are loaded afresh for each execution, so that every execution
 * initializes the registry.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION, freshClasses = true)
public final class FirstUserInitializes {
  public static void main(String[] args) throws InterruptedException {
    Threads.startAndJoin(Threads.named("loader", () -> Registry.owner()),
        Threads.named("reader", () -> {
          String owner = Registry.owner();
          assert owner.equals("loader") : "the registry was initialized by " + owner;
        }));
  }

  static final class Registry {
    private static final String OWNER = Thread.currentThread().getName();

    static String owner() {
      return OWNER;
    }
  }
}
