package dev.weft.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.cli.WeftCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code weft} command line run through {@link WeftCli#execute}, with what it printed. */
record CliRun(int exitCode, String out, String err) {
  private static final Pattern SCHEDULE_LINE = Pattern.compile("Schedule written to (\\S+)");

  static CliRun weft(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    // The child writes in the platform charset; read it back the same way.
    Charset charset = Charset.defaultCharset();
    try (PrintStream o = new PrintStream(out, true, charset);
        PrintStream e = new PrintStream(err, true, charset)) {
      code = WeftCli.execute(o, e, args);
    }
    return new CliRun(code, out.toString(charset), err.toString(charset));
  }

  /** {@code args} followed by {@code more}: a test's usual command line and this case's options. */
  static String[] with(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** The trace table: from its header line up to the first blank line. */
  String trace() {
    int start = out.indexOf(" step |");
    if (start < 0) throw new AssertionError("no trace in:\n" + this);
    int end = out.indexOf("\n\n", start);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  /** The schedule file that {@code weft run} reported. */
  String scheduleFile() {
    Matcher m = SCHEDULE_LINE.matcher(out);
    if (!m.find()) throw new AssertionError("no schedule file in:\n" + this);
    return m.group(1);
  }

  /** Exit 2 and one line on stderr that says {@code expected}: no stack trace. */
  void assertUsageError(String expected) {
    List<String> lines = err.lines().toList();
    assertEquals(ExitCode.USAGE, exitCode, this::toString);
    assertEquals(1, lines.size(), this::toString);
    assertTrue(lines.get(0).startsWith("weft: ") && lines.get(0).contains(expected), this::toString);
    assertFalse(err.contains("at dev.weft") || err.contains("\tat "), this::toString);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
