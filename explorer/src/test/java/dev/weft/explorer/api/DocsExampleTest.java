package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.docs.ApiExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples of docs/api.md run, and the page quotes them exactly as compiled. */
class DocsExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/weft/samples/docs/ApiExamples.java");
  private static final Path PAGE = Path.of("../docs/api.md");
  private static final Path README = Path.of("../README.md");

  @Test
  void examplesFindTheBugAndReplayIt() {
    AssertionError error = assertThrows(AssertionError.class, ApiExamples::explore);
    assertTrue(error.getMessage().contains("lost update"), error.getMessage());

    Failure failure = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.PCT).iterations(1_000).build(),
        ApiExamples.body()).failure().orElseThrow();
    ReplayResult replay = ApiExamples.replay(failure);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status());
    assertEquals(failure.trace(), replay.trace());
  }

  @Test
  void readmeQuotesTheExamplesVerbatim() throws Exception {
    String source = Files.readString(SOURCE);
    String readme = Files.readString(README);
    for (String name : new String[] {"body", "explore"}) {
      assertTrue(readme.contains(snippet(source, name)),
          "README.md must contain the '" + name + "' example exactly as compiled in " + SOURCE);
    }
  }

  @Test
  void pageQuotesTheExamplesVerbatim() throws Exception {
    String source = Files.readString(SOURCE);
    String page = Files.readString(PAGE);
    for (String name : new String[] {"body", "explore", "replay"}) {
      String snippet = snippet(source, name);
      assertTrue(page.contains(snippet), "docs/api.md must contain the '" + name
          + "' example exactly as compiled in " + SOURCE + ":\n" + snippet);
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
