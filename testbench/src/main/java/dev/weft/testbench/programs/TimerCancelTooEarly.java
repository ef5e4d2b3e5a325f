package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Timer} task is scheduled to run at once, and the timer is cancelled right after, on the
 * belief that a task due now has surely started. {@code cancel} discards every task the timer
 * thread has not yet taken from its queue, so when the timer thread is slower, the task never runs
 * and the wait for it times out. The timer thread waits for work in {@code Object.wait} inside the
 * JDK's code.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class TimerCancelTooEarly {
  /** A task that counts down {@code done} when it runs. */
  static TimerTask countingDown(CountDownLatch done) {
    return new TimerTask() {
      @Override
      public void run() {
        done.countDown();
      }
    };
  }

  public static void main(String[] args) throws InterruptedException {
    Timer timer = new Timer("timer");
    CountDownLatch done = new CountDownLatch(1);
    timer.schedule(countingDown(done), 0);
    timer.cancel();
    assert done.await(1, TimeUnit.SECONDS) : "the timer was cancelled before its task ran";
  }
}
