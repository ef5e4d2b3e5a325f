package dev.weft.scheduler.runtime;

/**
 * Thrown inside a controlled thread whose execution has ended (a failure elsewhere, a deadlock, the
 * deadline), so that it unwinds: its {@code finally} blocks and monitor exits run and the real thread
 * ends. An {@link Error}, so ordinary {@code catch (Exception e)} in the program does not swallow
 * it; never reported as the program's failure.
 */
public final class AbortedExecution extends Error {
  private static final long serialVersionUID = 1L;

  static final AbortedExecution INSTANCE = new AbortedExecution();

  private AbortedExecution() {
    super("Weft ended this execution; the thread is being unwound", null, false, false);
  }
}
