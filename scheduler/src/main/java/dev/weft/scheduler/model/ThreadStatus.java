package dev.weft.scheduler.model;

/**
 * Life of a controlled thread within one execution.
 *
 * <pre>
 *   NEW ──begin──► RUNNABLE ◄──notify/timeout/interrupt── WAITING
 *                     │  └────────────wait()──────────────►┘
 *                     └──end──► FINISHED
 * </pre>
 *
 * A RUNNABLE thread may still be disabled by its pending operation (a monitor held by another
 * thread, a join on a live thread).
 */
public enum ThreadStatus {
  NEW,
  RUNNABLE,
  WAITING,
  FINISHED
}
