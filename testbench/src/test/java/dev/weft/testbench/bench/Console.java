package dev.weft.testbench.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a benchmark tool printed, to standard output and error alike, and its exit code. */
record Console(int code, String output) {
  /** A tool's entry point, as {@link Harness#run} and {@link ShrinkBench#run} have it. */
  interface Tool {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  static Console run(Tool tool, String... args) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);
    int code = tool.run(args, print, print);
    return new Console(code, console.toString(StandardCharsets.UTF_8));
  }
}
