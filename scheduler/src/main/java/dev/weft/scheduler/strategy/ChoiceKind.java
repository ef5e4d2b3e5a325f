package dev.weft.scheduler.strategy;

/** What a strategy is asked to decide. Every kind is recorded in the schedule. */
public enum ChoiceKind {
  /** Which enabled thread runs next. */
  THREAD,
  /** Which thread of a wait set {@code notify} wakes (an index into the wait set). */
  NOTIFY
}
