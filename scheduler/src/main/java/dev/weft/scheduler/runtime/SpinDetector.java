package dev.weft.scheduler.runtime;

/**
 * Spin detection. A thread about to read, at the same site, the same volatile field (or atomic,
 * or thread state: isAlive, isInterrupted) it read twice before with nothing written anywhere
 * since, would read the same value again: it spins. Running it cannot change anything, so it
 * steps aside while another thread that can run is not spinning; when all that can run spin, they
 * run (and a true livelock reaches the step bound). Without this, strategies that favour one thread
 * (systematic search, PCT) would starve the thread a spin waits for. The cost, documented in
 * docs/strategies.md: a read-only loop of three or more iterations at one site, with no write
 * anywhere in between, is not interleaved with other threads inside.
 */
final class SpinDetector {
  /** Identical reads with nothing written in between after which a thread counts as spinning. */
  private static final int SPIN_READS = 2;

  /** Counts operations that may have changed shared state. */
  private long writeEpoch;

  /** At a scheduling point, before the strategy chooses: note what {@code ct} is about to do. */
  void reached(ControlledThread ct, Operation op, Object target, int site) {
    if (isRead(op)) {
      boolean again = site == ct.spinSite && target == ct.spinTarget && writeEpoch == ct.spinEpoch;
      ct.spinCount = again ? ct.spinCount + 1 : 0;
      ct.spinSite = site;
      ct.spinTarget = target;
      ct.spinEpoch = writeEpoch;
    } else if (mayWrite(op)) {
      ct.spinCount = 0;
    }
  }

  /** The operation now happens (not when it was reached, which may be long before). */
  void happened(Operation op) {
    if (mayWrite(op)) writeEpoch++;
  }

  boolean isSpinning(ControlledThread t) {
    return t.spinCount >= SPIN_READS && t.spinEpoch == writeEpoch && isRead(t.pendingOp);
  }

  /** Reads of shared state that a loop may poll: a volatile field, a thread's state. */
  static boolean isRead(Operation op) {
    return op == Operation.VOLATILE_READ || op == Operation.PLAIN_READ || op == Operation.CALL_READ
        || op == Operation.IS_ALIVE || op == Operation.IS_INTERRUPTED;
  }

  /** Whether an operation may change shared state (anything but reads and pauses). */
  static boolean mayWrite(Operation op) {
    return !isRead(op) && op != Operation.YIELD && op != Operation.SLEEP;
  }
}
