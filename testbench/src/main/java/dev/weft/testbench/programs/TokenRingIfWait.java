package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * {@link TokenRing} with {@code if} instead of {@code while} around the wait. With two threads it
 * works, since the only notifier is the thread that passes the token to the waiter; with three or
 * more, {@code notifyAll} also wakes threads the token was not passed to, and the first of them to
 * run goes on as if it held the token.
 *
 * <p>Sizes: threads ({@code args[0]}, default 4) and rounds ({@code args[1]}, default 1).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class TokenRingIfWait {
  static final class IfRing extends TokenRing.Ring {
    IfRing(int size) {
      super(size);
    }

    @Override
    synchronized void pass(int me) throws InterruptedException {
      if (holder != me) wait();
      handOn(me);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    TokenRing.passRound(new IfRing(Args.size(args, 0, 4)), Args.size(args, 1, 1));
  }
}
