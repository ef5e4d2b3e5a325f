package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A livelock among spinning threads: two parties share a token, and each is too polite to use it
 * while the other wants it. A party waits for the token by spinning ({@code Thread.onSpinWait()});
 * once it holds the token and sees the other's volatile {@code wants} raised, it passes the token
 * over instead of using it. If both want the token before either has used it, they pass it back and
 * forth forever. If one uses it before the other wants it, both finish.
 *
 * <p>Unlike {@link PoliteDiners}, the waiting is a spin, which gives way to the thread that can
 * change something; the livelock is that both keep changing something (the token) that ends
 * nothing. Fair scheduling must not hide it. A run without the livelock takes a few dozen steps,
 * hence the small step bound.
 */
@Expect(bug = true, kind = FailureKind.LIVELOCK, maxSteps = 2_000)
public final class PoliteTokenPassing {
  static final class Party {
    final int id;
    volatile boolean wants;

    Party(int id) {
      this.id = id;
    }
  }

  /** Whether {@code me}, holding the token, passes it to {@code other}, who wants it too. */
  interface Manners {
    boolean givesWay(Party me, Party other);
  }

  static void share(Manners manners) throws InterruptedException {
    AtomicInteger token = new AtomicInteger(0); // party 0 holds it
    Party[] parties = {new Party(0), new Party(1)};
    Thread[] threads = new Thread[2];
    for (int i = 0; i < 2; i++) {
      Party me = parties[i];
      Party other = parties[1 - i];
      threads[i] = Threads.named("party-" + i, () -> {
        me.wants = true;
        while (true) {
          while (token.get() != me.id) Thread.onSpinWait();
          if (other.wants && manners.givesWay(me, other)) {
            token.set(other.id); // "after you"
            continue;
          }
          me.wants = false; // uses the token
          token.set(other.id);
          return;
        }
      });
    }
    Threads.startAndJoin(threads);
  }

  public static void main(String[] args) throws InterruptedException {
    share((me, other) -> true);
  }
}
