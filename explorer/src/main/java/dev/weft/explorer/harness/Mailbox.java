package dev.weft.explorer.harness;

/**
 * Where {@link Action.Cast}s go: the analogue of an actor's mailbox. A target that has its own
 * queue of work exposes it by implementing {@link HasMailbox}; otherwise the harness gives it a
 * single worker thread with an unbounded queue.
 *
 * <p>Public API since 0.2.
 */
public interface Mailbox {
  /** Hands over one message; may block when the mailbox is bounded and full. */
  void send(Runnable message) throws InterruptedException;

  /** Messages waiting, not counting the one being handled. */
  int depth();

  /** Implemented by a target that owns a mailbox, so casts go there. */
  interface HasMailbox {
    Mailbox mailbox();
  }
}
