package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Correct: one thread stays inside synchronized methods of a vector and of a string buffer while
 * the program's callbacks run ({@code forEach}, and {@code append} of an object whose {@code
 * toString} is the program's); the other copies both through JDK code that takes their monitors
 * with no call of the program's to a synchronized method ({@code new ArrayList<>(vector)} calls
 * {@code toArray}, {@code String.valueOf(buffer)} calls {@code toString} through {@code Object}).
 * The copier waits for each monitor inside the JVM; the copies are whole either way.
 */
@Expect(bug = false)
public final class CopyWhileHeld {
  public static void main(String[] args) throws InterruptedException {
    Vector<String> names = new Vector<>(List.of("a", "b"));
    StringBuffer log = new StringBuffer("x");
    AtomicInteger visits = new AtomicInteger();
    Object entry = new Object() {
      @Override
      public String toString() {
        visits.incrementAndGet(); // a scheduling point while the buffer's monitor is held
        return "y";
      }
    };
    List<List<String>> copies = new ArrayList<>();
    String[] text = new String[1];
    Threads.runConcurrently(
        () -> {
          names.forEach(name -> visits.incrementAndGet());
          log.append(entry);
        },
        () -> {
          copies.add(new ArrayList<>(names));
          text[0] = String.valueOf(log);
        });
    assert copies.get(0).equals(List.of("a", "b")) : "copied " + copies.get(0);
    assert text[0].equals("x") || text[0].equals("xy") : "copied \"" + text[0] + "\"";
    assert visits.get() == 3 : visits.get() + " visits";
  }
}
