package dev.weft.testbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's output: a table on the console, and the same rows as {@code results.csv}, the
 * ratios of Weft to its peers (Lincheck, Fray) as {@code ratios.csv}, and both with the run's settings as {@code
 * results.json}. Missing values are empty in CSV, null in JSON and a dash in the table.
 */
final class Report {
  static final List<String> COLUMNS = List.of("program", "expected", "tool", "strategy", "runs",
      "found", "kind_found", "execs_to_bug_median", "execs_to_bug_min", "execs_to_bug_max",
      "ms_to_bug_median", "ms_to_bug_min", "ms_to_bug_max", "throughput_executions", "exec_per_s",
      "steps_per_s", "steps_per_exec", "peak_heap_mib", "peak_rss_mib", "note");
  static final List<String> RATIO_COLUMNS = List.of("program", "strategy", "peer",
      "exec_per_s_weft_over_peer", "execs_to_bug_weft_over_peer", "ms_to_bug_weft_over_peer");

  private static final String ROW_FORMAT =
      "%-28s %-10s %-24s %6s %-18s %-22s %9s %9s %7s %5s %5s  %s%n";

  private Report() {}

  static void printHeader(PrintStream out) {
    out.printf(ROW_FORMAT, "program", "expected", "tool:strategy", "found", "execs to bug",
        "ms to bug", "exec/s", "steps/s", "st/ex", "heap", "RSS", "note");
  }

  static void printRow(PrintStream out, Row r) {
    out.printf(Locale.ROOT, ROW_FORMAT, r.program(), r.expected(), r.label(),
        r.runs() == 0 ? "-" : r.found() + "/" + r.runs(), spread(r.executionsToBug(), 0),
        spread(r.millisToBug(), 0), number(r.executionsPerSecond(), 0),
        number(r.stepsPerSecond(), 0), number(r.stepsPerExecution(), 1),
        number(r.peakHeapMib(), 0), number(r.peakRssMib(), 0), r.note());
  }

  /**
   * One ratio line per program, Weft strategy and peer row beside it: every Weft strategy against
   * Lincheck's one mode, and each against Fray's scheduler of the same name.
   */
  static List<Map<String, Object>> ratios(List<Row> rows) {
    List<Map<String, Object>> ratios = new ArrayList<>();
    for (Row peer : rows) {
      if (peer.tool().equals("weft")) continue;
      for (Row weft : rows) {
        if (!weft.tool().equals("weft") || !weft.program().equals(peer.program())) continue;
        if (peer.tool().equals("fray") && !peer.strategy().equals(weft.strategy())) continue;
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("program", weft.program());
        ratio.put("strategy", weft.strategy());
        ratio.put("peer", peer.label());
        ratio.put(RATIO_COLUMNS.get(3), weft.executionsPerSecond() / peer.executionsPerSecond());
        ratio.put(RATIO_COLUMNS.get(4),
            weft.executionsToBug().median() / peer.executionsToBug().median());
        ratio.put(RATIO_COLUMNS.get(5), weft.millisToBug().median() / peer.millisToBug().median());
        ratios.add(ratio);
      }
    }
    return ratios;
  }

  static void printRatios(PrintStream out, List<Map<String, Object>> ratios) {
    if (ratios.isEmpty()) return;
    out.printf("%nWeft / peer (exec/s above 1: Weft faster; executions and ms to the first bug"
        + " below 1: Weft sooner; '-': one side has no median)%n");
    String format = "%-28s %-10s %-24s %12s %14s %12s%n";
    out.printf(format, "program", "strategy", "peer", "exec/s", "execs to bug", "ms to bug");
    for (Map<String, Object> r : ratios) {
      out.printf(Locale.ROOT, format, r.get("program"), r.get("strategy"), r.get("peer"),
          number((Double) r.get(RATIO_COLUMNS.get(3)), 2),
          number((Double) r.get(RATIO_COLUMNS.get(4)), 2),
          number((Double) r.get(RATIO_COLUMNS.get(5)), 2));
    }
  }

  static void write(Path dir, Map<String, Object> meta, List<Row> rows,
      List<Map<String, Object>> ratios) throws IOException {
    Files.createDirectories(dir);
    List<Map<String, Object>> records = rows.stream().map(Report::record).toList();
    Files.write(dir.resolve("results.csv"), csv(COLUMNS, records));
    Files.write(dir.resolve("ratios.csv"), csv(RATIO_COLUMNS, ratios));
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("meta", meta);
    all.put("rows", records);
    all.put("ratios", ratios);
    Files.writeString(dir.resolve("results.json"), Json.write(all) + "\n");
  }

  private static Map<String, Object> record(Row r) {
    Object[] values = {r.program(), r.expected(), r.tool(), r.strategy(), r.runs(), r.found(),
        r.kindFound(), r.executionsToBug().median(), r.executionsToBug().min(),
        r.executionsToBug().max(), r.millisToBug().median(), r.millisToBug().min(),
        r.millisToBug().max(), r.throughputExecutions(), r.executionsPerSecond(),
        r.stepsPerSecond(), r.stepsPerExecution(), r.peakHeapMib(), r.peakRssMib(), r.note()};
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) m.put(COLUMNS.get(i), values[i]);
    return m;
  }

  private static List<String> csv(List<String> columns, List<Map<String, Object>> records) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", columns));
    for (Map<String, Object> record : records) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) cells.add(csvCell(record.get(column)));
      lines.add(String.join(",", cells));
    }
    return lines;
  }

  private static String csvCell(Object value) {
    if (value instanceof Double d) return d.isNaN() || d.isInfinite() ? "" : plain(d);
    String s = String.valueOf(value);
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
  }

  /** "median [min-max]"; the median is "n/a" when half the runs or more found no bug. */
  private static String spread(Samples s, int decimals) {
    if (Double.isNaN(s.min())) return "-";
    double m = s.median();
    String median = Double.isNaN(m) ? "n/a" : number(m, m == Math.rint(m) ? decimals : 1);
    return median + " [" + number(s.min(), decimals) + "-" + number(s.max(), decimals) + "]";
  }

  private static String number(double d, int decimals) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return "-";
    return String.format(Locale.ROOT, "%,." + decimals + "f", d);
  }
}
