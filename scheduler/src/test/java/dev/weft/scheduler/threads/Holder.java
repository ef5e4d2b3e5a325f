package dev.weft.scheduler.threads;

/** A turn holder for the tests of the thread machinery, numbered like a controlled thread. */
final class Holder extends TurnHolder {
  final int id;

  Holder(int id, Thread thread) {
    super(thread);
    this.id = id;
  }
}
