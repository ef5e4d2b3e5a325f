package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.Timer;
import java.util.concurrent.CountDownLatch;

/**
 * {@link TimerCancelTooEarly}'s twin: the timer is cancelled only once its task has run, so the
 * timer thread ends and the task ran exactly once, whatever the order.
 */
@Expect(bug = false)
public final class TimerTaskAwait {
  public static void main(String[] args) throws InterruptedException {
    Timer timer = new Timer("timer");
    CountDownLatch done = new CountDownLatch(1);
    timer.schedule(TimerCancelTooEarly.countingDown(done), 0);
    done.await();
    timer.cancel();
  }
}
