package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.docs.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples of docs/api.md, compiled and run; the page must quote them verbatim. */
class DocsExampleTest {
  private static final Path SOURCE =
      Path.of("src/test/java/dev/weft/explorer/api/DocsExampleTest.java");
  private static final Path PAGE = Path.of("../docs/api.md");

  @Test
  void exampleFindsTheBugAndReplaysIt() {
    AssertionError error = assertThrows(AssertionError.class, () -> {
      // docs:explore
      ExplorationResult result = Weft.exploreInterleavings(
          Options.builder().strategy(StrategyKind.PCT).iterations(1_000).build(),
          () -> {
            Counter c = new Counter();
            Thread t = new Thread(c::increment);
            t.start();
            c.increment();
            t.join();
            assert c.get() == 2 : "lost update";
          });
      result.assertNoFailure(); // AssertionError with the trace and the replay string
      // end
    });
    assertTrue(error.getMessage().contains("lost update"), error.getMessage());

    Failure failure = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.PCT).iterations(1_000).build(),
        DocsExampleTest::body).failure().orElseThrow();
    // docs:replay
    ReplayResult replay = Weft.replay(failure.schedule(), DocsExampleTest::body);
    assert replay.status() == ReplayResult.Status.REPRODUCED;
    // end
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status());
    assertEquals(failure.trace(), replay.trace());
  }

  private static void body() throws InterruptedException {
    Counter c = new Counter();
    Thread t = new Thread(c::increment);
    t.start();
    c.increment();
    t.join();
    assert c.get() == 2 : "lost update";
  }

  @Test
  void pageQuotesTheExamplesVerbatim() throws Exception {
    String source = Files.readString(SOURCE);
    String page = Files.readString(PAGE);
    for (String name : new String[] {"explore", "replay"}) {
      String snippet = snippet(source, name);
      assertTrue(page.contains(snippet), "docs/api.md must contain the '" + name
          + "' example exactly as compiled here:\n" + snippet);
    }
  }

  /** The lines between the markers, with their common indentation removed. */
  private static String snippet(String source, String name) {
    String start = "// docs:" + name + "\n";
    int from = source.indexOf(start) + start.length();
    int to = source.indexOf("// end", from);
    String block = source.substring(from, source.lastIndexOf('\n', to));
    return block.stripIndent() + "\n";
  }
}
