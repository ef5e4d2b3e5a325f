package dev.weft.explorer.harness;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * Where {@link Action.Cast}s go: the analogue of an actor's mailbox. A target that has its own
 * queue of work exposes it by implementing {@link HasMailbox} (a {@link Supervisor} is one ready
 * made); otherwise the harness gives it one worker thread with an unbounded queue.
 *
 * <p>Public API since 0.2.
 */
public interface Mailbox {
  /** Hands over one message; may block when the mailbox is bounded and full. */
  void send(Runnable message) throws InterruptedException;

  /** Messages waiting, not counting the one being handled. */
  int depth();

  /**
   * Waits until the messages sent so far have been handled, or no worker is left to handle them.
   * The harness calls it once the scripts have ended, before the invariant; by default it returns
   * at once, for a mailbox whose target waits for its own work.
   */
  default void drain() throws InterruptedException {}

  /** Kills every thread that handles the messages, as a crash would ({@link Chaos#killChildren}). */
  default void killWorkers() {
    killWorkers(Integer.MAX_VALUE);
  }

  /**
   * Kills up to {@code count} of the threads that handle the messages, the longest running first,
   * as a crash would ({@link Chaos#killChildren(int)}).
   *
   * @throws UnsupportedOperationException by default: the harness cannot know this mailbox's
   *     threads; write the chaos with {@link Chaos#of} instead
   */
  default void killWorkers(int count) {
    throw new UnsupportedOperationException(getClass().getName() + " does not say how to kill its"
        + " workers: implement Mailbox.killWorkers(int), use a Supervisor, or write the chaos with"
        + " Chaos.of");
  }

  /**
   * A target's own executor as its mailbox: casts are handed to it, {@link #depth} counts those no
   * worker has begun, and {@link #drain} waits until every one sent has ended. The executor is
   * still the target's to shut down (in its {@code close}).
   */
  static Mailbox of(ExecutorService executor) {
    return new ExecutorMailbox(Objects.requireNonNull(executor, "executor"));
  }

  /**
   * A target's own queue of work, taken by a worker of its own: casts are put there (waiting while
   * a bounded queue is full) and {@link #depth} is its size. The target waits for its own work
   * (in its {@code close}), so {@link #drain} returns at once.
   */
  static Mailbox of(BlockingQueue<Runnable> queue) {
    Objects.requireNonNull(queue, "queue");
    return new Mailbox() {
      @Override
      public void send(Runnable message) throws InterruptedException {
        queue.put(message);
      }

      @Override
      public int depth() {
        return queue.size();
      }
    };
  }

  /** Implemented by a target that owns a mailbox, so casts go there. */
  interface HasMailbox {
    Mailbox mailbox();
  }
}
