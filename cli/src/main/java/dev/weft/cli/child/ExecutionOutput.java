package dev.weft.cli.child;

import dev.weft.scheduler.hooks.WeftHooks;
import dev.weft.scheduler.runtime.Execution;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Captures what the program writes to {@link System#out} and {@link System#err}, one execution
 * at a time, so that a report shows the failing execution's output and not that of every execution
 * and shrink run before it. Both streams go into one buffer, in the order they were written, which
 * keeps the last {@link #LIMIT} bytes, and each line is marked with the step of the trace it was
 * written after and the thread that wrote it, so the output reads beside the trace.
 *
 * <p>The program only ever runs on threads Weft's scheduler starts, never on the thread that
 * explores; that thread's writes (the progress lines) still go to the real streams. Installed for
 * the whole exploration rather than around each run of {@code main}, since the program's other
 * threads go on writing after {@code main} returns.
 */
final class ExecutionOutput {
  /** The bytes kept per execution: its last 64 KB, which hold what led up to the failure. */
  static final int LIMIT = 64 * 1024;

  private final Thread explorer = Thread.currentThread();
  private final PrintStream realOut = System.out;
  private final PrintStream realErr = System.err;
  /** A ring: of the {@code written} bytes so far, the last {@code min(written, LIMIT)} are kept. */
  private final byte[] ring = new byte[LIMIT];
  private long written;
  /** Where each line of the kept bytes began, oldest first. */
  private final ArrayDeque<Mark> marks = new ArrayDeque<>();
  private boolean atLineStart = true;

  /** A line began at byte {@code offset}, after trace step {@code step}, written by {@code thread}. */
  private record Mark(long offset, int step, String thread) {}

  private ExecutionOutput() {}

  /**
   * Starts capturing: from now on the program's writes to standard output and error go to the
   * buffer, until {@link #close}.
   */
  static ExecutionOutput install() {
    ExecutionOutput output = new ExecutionOutput();
    // Java 17's System.out encodes in the default charset unless it is a Windows console.
    Charset charset = Charset.defaultCharset();
    System.setOut(new PrintStream(output.route(output.realOut), true, charset));
    System.setErr(new PrintStream(output.route(output.realErr), true, charset));
    return output;
  }

  /** Forgets the output so far: a new execution starts. */
  synchronized void startExecution() {
    written = 0;
    marks.clear();
    atLineStart = true;
  }

  /** What the current (or last) execution wrote, line by line. */
  synchronized CapturedOutput captured() {
    int kept = (int) Math.min(written, LIMIT);
    long first = written - kept;
    byte[] bytes = new byte[kept];
    int head = (int) (first % LIMIT);
    int part = Math.min(kept, LIMIT - head);
    System.arraycopy(ring, head, bytes, 0, part);
    System.arraycopy(ring, 0, bytes, part, kept - part);
    List<CapturedOutput.Line> lines = new ArrayList<>();
    Iterator<Mark> mark = marks.iterator();
    Mark m = mark.hasNext() ? mark.next() : null;
    // A cut output starts at its first whole line, the first one marked.
    long dropped = m == null ? written : m.offset();
    while (m != null) {
      Mark next = mark.hasNext() ? mark.next() : null;
      int from = (int) (m.offset() - first);
      int to = next == null ? kept : (int) (next.offset() - first);
      int end = to > from && bytes[to - 1] == '\n' ? to - 1 : to;
      lines.add(new CapturedOutput.Line(m.step(), m.thread(),
          new String(bytes, from, end - from, Charset.defaultCharset())));
      m = next;
    }
    return new CapturedOutput(lines, dropped);
  }

  /** Gives the program's standard output and error back to the real streams. */
  void close() {
    System.out.flush();
    System.err.flush();
    System.setOut(realOut);
    System.setErr(realErr);
  }

  /**
   * Keeps what a program's thread wrote. Weft's work, not the program's: what the JDK does for it
   * the first time (loading a class of this file's) must not be a step of the execution it falls in.
   */
  private void keep(byte[] bytes, int offset, int length) {
    // Read before Weft's work begins: the execution tells a controlled thread only outside it.
    // The steps so far are the trace's rows: the reported execution is always a traced one.
    Execution e = Execution.active();
    int thread = e == null ? -1 : e.probe().readThreadId();
    int steps = thread < 0 ? -1 : e.probe().readTraceLength();
    Object weftCode = WeftHooks.weftCodeEntered();
    try {
      synchronized (this) {
        for (int i = 0; i < length; i++) {
          if (atLineStart) marks.add(mark(e, steps, thread));
          byte b = bytes[offset + i];
          ring[(int) (written % LIMIT)] = b;
          written++;
          atLineStart = b == '\n';
        }
        // A line that began before the kept bytes is cut: it is not shown.
        while (!marks.isEmpty() && marks.peekFirst().offset() < written - LIMIT) {
          marks.removeFirst();
        }
      }
    } finally {
      WeftHooks.weftCodeExited(weftCode);
    }
  }

  /**
   * A line begins here, written after {@code steps} steps of {@code e} by its thread {@code
   * thread}; its mark is the last step taken (-1 before the first) and the thread's name, or step
   * -1 and no thread when a thread Weft does not control writes ({@code steps} is then -1).
   */
  private Mark mark(Execution e, int steps, int thread) {
    if (steps < 0 || thread < 0) return new Mark(written, -1, null);
    return new Mark(written, steps - 1, e.probe().readThreadNames().get(thread));
  }

  /** The explorer's writes go to {@code real}, the program's to the buffer. */
  private OutputStream route(PrintStream real) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        if (Thread.currentThread() == explorer) {
          real.write(bytes, offset, length);
        } else {
          keep(bytes, offset, length);
        }
      }

      @Override
      public void flush() {
        if (Thread.currentThread() == explorer) real.flush();
      }
    };
  }
}
