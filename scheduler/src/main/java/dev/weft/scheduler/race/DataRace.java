package dev.weft.scheduler.race;

/**
 * Two accesses to the same memory location, at least one a write, that happens-before does not
 * order.
 *
 * @param location what they touched: a field, {@code Counter.count}, or an array element, {@code
 *     int[]#1[3]}
 * @param field the field's full name, {@code com.acme.Counter.count}, the one to declare benign;
 *     null for an array element
 * @param earlier the access that came first in this execution
 * @param later the access that found the race
 */
public record DataRace(String location, String field, Access earlier, Access later) {

  /**
   * One side of a race.
   *
   * @param thread the thread's id
   * @param write whether it wrote
   * @param site the instrumented site of the access
   * @param traceIndex where the access stands in the execution's trace, when tracing (the trace
   *     shows both accesses of a race); -1 otherwise
   */
  public record Access(int thread, boolean write, int site, int traceIndex) {
    public String verb() {
      return write ? "write" : "read";
    }
  }
}
