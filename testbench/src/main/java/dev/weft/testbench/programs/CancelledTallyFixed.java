package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link CancelledTally}'s twin: the tally appends under its lock, so every cancelled task is
 * counted, whatever order {@code shutdownNow} interrupts the workers in.
 *
 * <p>Size: tasks ({@code args[0]}, default 2).
 */
@Expect(bug = false)
public final class CancelledTallyFixed {
  /** Appends under its lock. */
  static final class LockedTally implements CancelledTally.Tally {
    private final List<String> names = new ArrayList<>(); // guarded by this

    @Override
    public synchronized void add(String name) {
      names.add(name);
    }

    @Override
    public synchronized String[] names() {
      return names.toArray(new String[0]);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    CancelledTally.cancelAll(new LockedTally(), Args.size(args, 0, 2));
  }
}
