package dev.weft.scheduler.view;

/** What a strategy is asked to decide. Every kind is recorded in the schedule. */
public enum ChoiceKind {
  /** Which enabled thread runs next. */
  THREAD,
  /** Which thread of a wait set {@code notify} wakes (an index into the wait set). */
  NOTIFY,
  /**
   * Whether a {@code wait} or {@code park} of the program's may return without a notify, unpark,
   * interrupt or timeout: 1 grants it a spurious wakeup, 0 does not.
   */
  SPURIOUS
}
