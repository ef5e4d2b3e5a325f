package dev.weft.explorer.report.graph;

/**
 * Why one step happens before another. Internal: the labels appear in the exported graphs, and the
 * colours in every drawing of them.
 */
public enum EdgeKind {
  /** Consecutive steps of one thread. */
  PROGRAM_ORDER("program-order", "#9a9a9a"),
  /** A monitor's release (an exit, or the release inside a wait) to its next acquisition. */
  SYNCHRONIZES_WITH("synchronizes-with", "#1f77b4"),
  /** A volatile write to a read that sees it. */
  READS_FROM("reads-from", "#2ca02c"),
  /** A thread's start to the started thread's first step. */
  START("start", "#9467bd"),
  /** A thread's end to a join (or an {@code isAlive} that returned false) that saw it end. */
  JOIN("join", "#8c564b"),
  /** A notify to the wakeup of a thread it woke. */
  NOTIFY("notify", "#ff7f0e"),
  /** An interrupt to the step at which the interrupted thread, or anyone, saw it. */
  INTERRUPT("interrupt", "#e377c2"),
  /** An unpark to the park that its permit released. */
  UNPARK("unpark", "#17becf"),
  /**
   * One call into {@code java.util.concurrent} on an object to the next by another thread (an
   * unlock to a lock, a set to a get, a countDown to an await): the JDK's code orders them. Not
   * named "concurrent", which in happens-before terms means the opposite: not ordered at all.
   */
  CALL("call", "#bcbd22");

  private final String label;
  private final String color;

  EdgeKind(String label, String color) {
    this.label = label;
    this.color = color;
  }

  /** The name a report and an exported graph show, e.g. {@code reads-from}. */
  public String label() {
    return label;
  }

  /** The colour of its arrows, {@code #rrggbb}: the same in the DOT graph and the HTML report. */
  public String color() {
    return color;
  }
}
