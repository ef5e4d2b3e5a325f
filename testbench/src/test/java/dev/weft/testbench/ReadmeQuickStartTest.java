package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start shows the pom lines and the annotated test of the project that {@link
 * RealMavenBuildTest} builds, so what a reader copies is what is proven to work.
 */
class ReadmeQuickStartTest {
  private static final Path README = Path.of("../README.md");
  private static final Path PROJECT = Path.of("src/test/resources/realbuild");
  private static final Pattern BLOCK = Pattern.compile("(?s)```(xml|java)\n(.*?)```");

  @Test
  void thePomSnippetsAreTheTestedProjectsLines() throws IOException {
    String pom = squeezed(Files.readString(PROJECT.resolve("pom.xml"))
        .replace("@weft.version@", System.getProperty("weft.version", "0.1.0-SNAPSHOT")));
    List<String> snippets = blocks("xml");
    assertFalse(snippets.isEmpty(), "the README shows no pom lines");
    for (String snippet : snippets) {
      for (String line : snippet.lines().map(String::strip).toList()) {
        // The tested pom pins plugin versions, which a user's build need not.
        assertTrue(pom.contains(line), "not in the tested pom: " + line);
      }
    }
    String all = String.join("\n", snippets);
    for (String part : new String[] {"weft-explorer", "weft-agent", "<goal>properties</goal>",
        "<argLine>-javaagent:${dev.weft:weft-agent:jar}"}) {
      assertTrue(all.contains(part), "the README's pom lines lack " + part);
    }
  }

  @Test
  void theAnnotatedTestIsTheTestedProjectsFailingTest() throws IOException {
    String test = Files.readString(PROJECT.resolve("src/test/java/com/acme/CounterTest.java"));
    String body = test.substring(test.indexOf("class CounterTest {"));
    assertTrue(blocks("java").contains(body), "the README does not quote CounterTest:\n" + body);
  }

  private static List<String> blocks(String language) throws IOException {
    String readme = Files.readString(README);
    String quickStart = readme.substring(0, readme.indexOf("\n## "));
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(quickStart);
    while (m.find()) if (m.group(1).equals(language)) blocks.add(m.group(2));
    return blocks;
  }

  /** Each line stripped of its indentation, so that a snippet's lines compare with the pom's. */
  private static String squeezed(String text) {
    return String.join("\n", text.lines().map(String::strip).toList());
  }
}
