package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * A token passed round a ring of threads with {@code wait}/{@code notifyAll}: thread {@code i}
 * waits while the token is elsewhere, passes it to {@code i+1} (mod n) and wakes everyone; only the
 * thread the token was passed to finds its condition true, the others wait again.
 *
 * <p>Sizes: threads ({@code args[0]}, default 4) and rounds ({@code args[1]}, default 1).
 */
@Expect(bug = false)
public final class TokenRing {
  static class Ring {
    final int size;
    int holder; // guarded by this: the thread that may pass the token next
    int passes; // guarded by this

    Ring(int size) {
      this.size = size;
    }

    synchronized void pass(int me) throws InterruptedException {
      while (holder != me) wait();
      handOn(me);
    }

    /** Called with the monitor held by the thread that believes it holds the token. */
    final void handOn(int me) {
      assert holder == me : "thread " + me + " passes the token held by thread " + holder;
      assert passes % size == me : "pass " + passes + " made by thread " + me;
      passes++;
      holder = (me + 1) % size;
      notifyAll();
    }
  }

  static void passRound(Ring ring, int rounds) throws InterruptedException {
    Thread[] threads = new Thread[ring.size];
    for (int i = 0; i < ring.size; i++) {
      int me = i;
      threads[i] = Threads.named("ring-" + i, () -> {
        for (int r = 0; r < rounds; r++) ring.pass(me);
      });
    }
    Threads.startAndJoin(threads);
    synchronized (ring) {
      assert ring.passes == ring.size * rounds : ring.passes + " passes";
    }
  }

  public static void main(String[] args) throws InterruptedException {
    passRound(new Ring(Args.size(args, 0, 4)), Args.size(args, 1, 1));
  }
}
