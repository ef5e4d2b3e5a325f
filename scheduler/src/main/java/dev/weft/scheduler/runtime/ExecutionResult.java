package dev.weft.scheduler.runtime;

import dev.weft.scheduler.race.DataRace;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.StepLog;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;

/**
 * What one execution did.
 *
 * @param outcome how it ended
 * @param report a readable account of a failure (deadlock cycle, livelock threads, stuck stack);
 *     empty when it passed
 * @param thread id of the failing thread, or -1
 * @param error the throwable that escaped, for {@link Outcome#EXCEPTION}; else null
 * @param choices every decision taken, enough to replay it
 * @param steps scheduling points reached
 * @param preemptions switches away from a thread that could have gone on
 * @param fingerprint equal for executions of the same interleaving class (happens-before relation)
 * @param trace the steps, when tracing was on; else empty
 * @param threadNames display name of each thread by id, e.g. {@code T1 (writer)}
 * @param leaked true when a thread could not be ended; the JVM is then no longer clean and the
 *     exploration must stop
 * @param stepLog what each step looked like, for a replay to check; null while searching a
 *     passing execution
 * @param race the data race, for {@link Outcome#DATA_RACE}; else null
 * @param unrepeatable true when it did what the JVM does once (a wait for another thread's class
 *     initialization, with classes that stay loaded), so running its schedule again in this JVM
 *     would not repeat it
 */
public record ExecutionResult(
    Outcome outcome,
    String report,
    int thread,
    Throwable error,
    Choices choices,
    int steps,
    int preemptions,
    long fingerprint,
    List<TraceEvent> trace,
    List<String> threadNames,
    boolean leaked,
    StepLog stepLog,
    DataRace race,
    boolean unrepeatable) {

  /** This execution's books, its outcome replaced by Weft's own failure {@code report}. */
  ExecutionResult asInternalError(String report, Throwable cause) {
    return new ExecutionResult(Outcome.INTERNAL_ERROR, report, -1, cause, choices, steps,
        preemptions, fingerprint, trace, threadNames, leaked, stepLog, null, unrepeatable);
  }

  /** The same, with a thread that could not be ended. */
  ExecutionResult asLeaked() {
    return new ExecutionResult(outcome, report, thread, error, choices, steps, preemptions,
        fingerprint, trace, threadNames, true, stepLog, race, unrepeatable);
  }
}
