package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A semaphore released without being acquired: a pool of one connection admits a user with {@code
 * tryAcquire} and releases in {@code finally}, whether or not the acquire succeeded. A user turned
 * away while another holds the permit still releases, which makes a second permit; the next attempt
 * then gets in beside the holder: two users on one connection.
 *
 * <p>Sizes: users ({@code args[0]}, default 2) and attempts per user ({@code args[1]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class SemaphoreOverRelease {
  static class Connection {
    final Semaphore permit = new Semaphore(1);
    private final AtomicInteger users = new AtomicInteger();

    /** Uses the connection if it is free. */
    void tryUse() {
      boolean acquired = permit.tryAcquire();
      try {
        if (acquired) use();
      } finally {
        permit.release(); // even when the acquire failed
      }
    }

    void use() {
      int now = users.incrementAndGet();
      assert now == 1 : now + " users on one connection";
      users.decrementAndGet();
    }
  }

  static void share(Connection connection, String[] args) throws InterruptedException {
    int attempts = Args.size(args, 1, 2);
    Threads.Body[] users = new Threads.Body[Args.size(args, 0, 2)];
    Arrays.fill(users, (Threads.Body) () -> {
      for (int i = 0; i < attempts; i++) connection.tryUse();
    });
    Threads.runConcurrently(users);
  }

  public static void main(String[] args) throws InterruptedException {
    share(new Connection(), args);
  }
}
