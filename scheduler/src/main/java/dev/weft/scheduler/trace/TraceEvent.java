package dev.weft.scheduler.trace;

import dev.weft.scheduler.view.Operation;

/**
 * One step of a traced execution.
 *
 * @param step position in the execution, from 0
 * @param thread id of the thread that performed it
 * @param operation what it did
 * @param target the object it acted on, e.g. {@code Object#1} or {@code Counter#1.count}; may be
 *     null
 * @param site index into {@link SiteRegistry}, or -1
 * @param note extra words, e.g. {@code timed out}; may be null
 * @param switchReason why the previous thread stopped running, when this step follows a context
 *     switch; null otherwise
 */
public record TraceEvent(
    int step,
    int thread,
    Operation operation,
    String target,
    int site,
    String note,
    String switchReason) {

  /** This event at another position of its trace. */
  public TraceEvent renumbered(int newStep) {
    return new TraceEvent(newStep, thread, operation, target, site, note, switchReason);
  }

  /** The word a trace shows: {@code enter}, {@code write}; for a call, the method ({@code lock}). */
  public String verb() {
    return verb(operation, site, target != null);
  }

  /**
   * The word for {@code op} at {@code site}: a call names its method, qualified by its class when
   * it has no receiver ({@code Executors.newFixedThreadPool}).
   */
  public static String verb(Operation op, int site, boolean hasReceiver) {
    Site s = op.isCall() ? SiteRegistry.get(site) : null;
    String method = s == null ? null : s.detail();
    if (method == null) return op.verb();
    return hasReceiver ? method.substring(method.lastIndexOf('.') + 1) : method;
  }
}
