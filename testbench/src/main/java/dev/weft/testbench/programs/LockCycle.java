package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A lock-order deadlock that needs three threads: thread {@code i} takes link {@code i}, then link
 * {@code i+1} (mod 3). Any two of the threads alone cannot deadlock, since their orders agree on
 * the one link they share; all three, each holding its first link, wait in a cycle.
 *
 * <p>Size: links and threads in the cycle ({@code args[0]}, default 3, at least 2).
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class LockCycle {
  /** One monitor of the cycle; its own class so that the deadlock report names it. */
  static final class Link {}

  static Link[] links(int n) {
    if (n < 2) throw new IllegalArgumentException("a cycle needs at least 2 links, not " + n);
    Link[] links = new Link[n];
    for (int i = 0; i < n; i++) links[i] = new Link();
    return links;
  }

  public static void main(String[] args) throws InterruptedException {
    Link[] links = links(Args.size(args, 0, 3));
    int n = links.length;
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      Link first = links[i];
      Link second = links[(i + 1) % n];
      threads[i] = Threads.named("cycle-" + i, () -> AbBaDeadlock.lockInOrder(first, second));
    }
    Threads.startAndJoin(threads);
  }
}
