package dev.weft.explorer.report.graph;

/**
 * One happens-before edge of a {@link HappensBeforeGraph}: step {@code from} happens before step
 * {@code to}, because of {@code kind}. Steps are those of the trace. Internal.
 */
public record HbEdge(int from, int to, EdgeKind kind) {}
