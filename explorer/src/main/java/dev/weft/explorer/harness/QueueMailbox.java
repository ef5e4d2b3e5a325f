package dev.weft.explorer.harness;

import dev.weft.explorer.threads.HarnessThreads;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The mailbox the harness gives a target without one: one worker thread handling casts in order
 * from an unbounded queue. A {@code java.util.concurrent} queue, whose waits Weft models, so that
 * in a controlled run the worker is one more controlled thread. The harness's messages record
 * their own events and failures.
 */
final class QueueMailbox implements Mailbox {
  static final String THREAD = "mailbox";
  /** Put last by {@link #stop}: the worker handles what came before it, then ends. */
  private static final Runnable STOP = () -> { };

  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread worker;

  QueueMailbox() {
    this.worker = new Thread(this::work, THREAD);
  }

  void start(HarnessThreads threads) {
    threads.start(worker);
  }

  @Override
  public void send(Runnable message) throws InterruptedException {
    queue.put(message);
  }

  @Override
  public int depth() {
    return queue.size();
  }

  /** Lets the worker handle every cast sent so far, then waits for it to end. */
  void stop(HarnessThreads threads) throws InterruptedException {
    queue.put(STOP);
    threads.join(worker);
  }

  private void work() {
    while (true) {
      Runnable next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        continue; // only a chaos interrupts the worker; it keeps serving
      }
      if (next == STOP) return;
      next.run();
    }
  }
}
