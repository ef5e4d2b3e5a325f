package dev.weft.cli.child;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Captures what the program writes to {@link System#out} and {@link System#err}, one execution
 * at a time, so that a report shows the failing execution's output and not that of every execution
 * and shrink run before it. Both streams go into one buffer, in the order they were written, which
 * keeps the last {@link #LIMIT} bytes.
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
  }

  /** What the current (or last) execution wrote. */
  synchronized Captured captured() {
    int kept = (int) Math.min(written, LIMIT);
    int start = (int) ((written - kept) % LIMIT);
    byte[] bytes = new byte[kept];
    int first = Math.min(kept, LIMIT - start);
    System.arraycopy(ring, start, bytes, 0, first);
    System.arraycopy(ring, 0, bytes, first, kept - first);
    // A cut output starts at its first whole line.
    int from = 0;
    if (written > kept) {
      while (from < kept && bytes[from] != '\n') from++;
      from = Math.min(from + 1, kept);
    }
    return new Captured(new String(bytes, from, kept - from, Charset.defaultCharset()),
        written - kept + from);
  }

  /** Gives the program's standard output and error back to the real streams. */
  void close() {
    System.out.flush();
    System.err.flush();
    System.setOut(realOut);
    System.setErr(realErr);
  }

  private synchronized void keep(byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i++) ring[(int) ((written + i) % LIMIT)] = bytes[offset + i];
    written += length;
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

  /**
   * One execution's output.
   *
   * @param text the last {@link #LIMIT} bytes of it at most, from the start of a line, decoded
   * @param dropped how many bytes before those were dropped, 0 when it is whole
   */
  record Captured(String text, long dropped) {
    /** The output under a heading, ending with a newline; empty when there was none. */
    String section(String heading) {
      if (text.isEmpty()) return "";
      StringBuilder s = new StringBuilder(heading).append('\n');
      if (dropped > 0) {
        s.append("(").append(dropped).append(" bytes dropped before this: only the last ")
            .append(LIMIT / 1024).append(" KB of an execution's output are kept)\n");
      }
      s.append(text);
      if (!text.endsWith("\n")) s.append('\n');
      return s.toString();
    }
  }
}
