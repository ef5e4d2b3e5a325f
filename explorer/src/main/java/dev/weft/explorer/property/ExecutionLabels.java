package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The labels of a workload property's executions ({@link ForAllWorkloads#classify}, {@link
 * ForAllWorkloads#cover}): which each explored execution carried, and the shares required. An
 * execution is labelled as its check runs, so a pruned execution, which ends before its threads
 * do, carries none and is not counted.
 */
final class ExecutionLabels<S> {
  /** Whether one execution of a workload carries a label. */
  @FunctionalInterface
  interface Condition<S> {
    boolean test(ConcurrentWorkload<S> workload, ExecutionTrace<S> trace);
  }

  private record Classifier<S>(String label, Condition<S> condition) {}

  private final List<Classifier<S>> classifiers = new ArrayList<>();
  /** Per required label, its minimum share. */
  private final Map<String, Double> covers = new LinkedHashMap<>();
  /** The labels of each execution counted so far, in order. */
  private final List<List<String>> counted = new ArrayList<>();

  void classify(String label, Condition<S> condition) {
    Objects.requireNonNull(condition, "condition");
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("classify needs a label to count, was '" + label + "'");
    }
    classifiers.add(new Classifier<>(label, condition));
  }

  void cover(double minPercent, String label, Condition<S> condition) {
    Coverage.require(covers, minPercent, label);
    classifiers.add(new Classifier<>(label, condition));
  }

  /** The labels {@code trace}, an execution of {@code workload}, carries. */
  List<String> of(ConcurrentWorkload<S> workload, ExecutionTrace<S> trace) {
    List<String> labels = new ArrayList<>();
    for (Classifier<S> c : classifiers) {
      if (c.condition().test(workload, trace) && !labels.contains(c.label())) labels.add(c.label());
    }
    return labels;
  }

  /** Counts the executions of one workload's exploration, each with its labels. */
  void count(List<List<String>> executions) {
    counted.addAll(executions);
  }

  LabelTable table() {
    return LabelTable.of(counted);
  }

  List<Coverage> coverage(LabelTable table) {
    return Coverage.of(covers, table, "executions");
  }
}
