package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Completion never awaited: main indexes pages with one {@code runAsync} task each, on the common
 * pool, into a {@link ConcurrentLinkedQueue}, combines the tasks with {@code allOf}, and reads the
 * index. {@code allOf} only returns a future that completes with all of them; it waits for
 * nothing, so main can read the index before every page is in.
 *
 * <p>Size: pages ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class AllOfNotJoined {
  /** What main does with the combined future before it reads the index. */
  interface Wait {
    void until(CompletableFuture<Void> allIndexed);
  }

  static void index(Wait wait, String[] args) {
    int pages = Args.size(args, 0, 2);
    ConcurrentLinkedQueue<Integer> index = new ConcurrentLinkedQueue<>();
    CompletableFuture<?>[] tasks = new CompletableFuture<?>[pages];
    for (int i = 0; i < pages; i++) {
      int page = i;
      tasks[i] = CompletableFuture.runAsync(() -> index.add(page));
    }
    wait.until(CompletableFuture.allOf(tasks));
    int indexed = index.size();
    assert indexed == pages : indexed + " of " + pages + " pages indexed";
  }

  public static void main(String[] args) {
    index(allIndexed -> {
      // nothing: allOf is taken to have waited
    }, args);
  }
}
