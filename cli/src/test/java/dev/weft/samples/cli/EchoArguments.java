package dev.weft.samples.cli;

import java.util.Arrays;

/**
 * Fails in every execution, naming what reached it from the command line: its arguments and the
 * system property {@code sample.flag}. Its failure's summary thus changes when either does.
 */
public final class EchoArguments {
  public static void main(String[] args) {
    throw new IllegalStateException("args " + Arrays.toString(args) + ", sample.flag="
        + System.getProperty("sample.flag"));
  }
}
