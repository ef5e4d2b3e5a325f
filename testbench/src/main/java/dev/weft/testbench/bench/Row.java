package dev.weft.testbench.bench;

/**
 * What one tool did with one program under one strategy: the search for the first bug, repeated
 * over seeds, and one throughput run that does not stop at bugs. Immutable.
 *
 * @param program the corpus program's simple name
 * @param expected the declared verdict: a failure kind in lower case, or {@code correct}
 * @param tool {@code weft}, {@code lincheck} or {@code fray}
 * @param strategy Weft's strategy name, Fray's scheduler, or {@code model-checking} for Lincheck
 * @param runs searches run (one per seed)
 * @param found how many of them found a bug
 * @param kindFound how the first found bug showed (e.g. {@code exception}, {@code deadlock},
 *     {@code hang}), or empty
 * @param executionsToBug executions up to and including the first failing one, per search that
 *     found one
 * @param millisToBug wall time of each search that found a bug, up to its report
 * @param throughputExecutions executions of the throughput run
 * @param executionsPerSecond executions per second of the throughput run; NaN if none ran
 * @param stepsPerSecond scheduling points per second of the throughput run; NaN when unknown
 * @param stepsPerExecution mean scheduling points per execution; NaN when unknown
 * @param peakHeapMib the sum of the heap pools' peak use while the row ran, in MiB
 * @param peakRssMib the process's peak resident set while the row ran (VmHWM), in MiB; NaN
 *     outside Linux
 * @param note what a reader must know to read the row (an error, a timeout, a search that ran out
 *     of interleavings); empty when nothing
 */
record Row(
    String program,
    String expected,
    String tool,
    String strategy,
    int runs,
    int found,
    String kindFound,
    Samples executionsToBug,
    Samples millisToBug,
    long throughputExecutions,
    double executionsPerSecond,
    double stepsPerSecond,
    double stepsPerExecution,
    double peakHeapMib,
    double peakRssMib,
    String note) {

  /** A row for a program the tool could not run at all, saying why. */
  static Row failed(String program, String expected, String tool, String strategy, String why) {
    return new Row(program, expected, tool, strategy, 0, 0, "", Samples.NONE, Samples.NONE, 0,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
  }

  /** {@code weft:random}, {@code lincheck:model-checking}. */
  String label() {
    return tool + ":" + strategy;
  }
}
