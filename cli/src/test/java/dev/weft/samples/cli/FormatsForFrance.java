package dev.weft.samples.cli;

import java.util.Locale;

/**
 * Buggy: two threads each format a number for France, then increment a counter with a separate
 * read and write. The first French format in the JVM has the JDK load its locale data provider,
 * which only that execution does.
 */
public final class FormatsForFrance {
  private static volatile int count;

  public static void main(String[] args) throws InterruptedException {
    Thread t = new Thread(FormatsForFrance::formatAndCount);
    t.start();
    formatAndCount();
    t.join();
    assert count == 2 : "lost update: expected 2 but was " + count;
  }

  private static void formatAndCount() {
    String amount = String.format(Locale.FRANCE, "%,.2f", 1234.5);
    assert !amount.isEmpty();
    count = count + 1;
  }
}
