package dev.weft.samples.cli;

import dev.weft.samples.cli.helper.SharedCounter;

/**
 * Buggy: two threads increment a {@link SharedCounter}, whose lost update is in another package,
 * which {@code --exclude} can leave uninstrumented.
 */
public final class LostUpdateInHelper {
  public static void main(String[] args) throws InterruptedException {
    SharedCounter counter = new SharedCounter();
    Thread a = new Thread(counter::increment);
    Thread b = new Thread(counter::increment);
    a.start();
    b.start();
    a.join();
    b.join();
    assert counter.get() == 2 : "lost update: expected 2 but was " + counter.get();
  }
}
