package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;

/**
 * Check-then-act on lazy initialisation: {@code get()} creates the service when the volatile
 * reference is still null. Two callers can both see null, both create one, and walk away with
 * different "singletons".
 *
 * <p>Size: callers ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class LazyInit {
  static final class Service {}

  static class Holder {
    private volatile Service instance;

    Service get() {
      Service s = instance;
      if (s == null) {
        s = new Service();
        instance = s;
      }
      return s;
    }
  }

  static void getConcurrently(Holder holder, String[] args) throws InterruptedException {
    int callers = Args.size(args, 0, 2);
    Service[] seen = new Service[callers]; // slot i written by caller i, read after the joins
    Threads.Body[] bodies = new Threads.Body[callers];
    Arrays.setAll(bodies, i -> () -> seen[i] = holder.get());
    Threads.runConcurrently(bodies);
    for (int i = 1; i < callers; i++) {
      assert seen[i] == seen[0] : "lazy init: callers 0 and " + i + " got different instances";
    }
  }

  public static void main(String[] args) throws InterruptedException {
    getConcurrently(new Holder(), args);
  }
}
