package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/junit.md's Gradle snippet cannot be run by this build (no Gradle here), so it is held to the
 * Maven setup that {@link RealMavenBuildTest} builds: the same Weft artifacts at the same version,
 * and the same options after the agent jar.
 */
class GradleSnippetTest {
  private static final Path DOC = Path.of("../docs/junit.md");
  private static final Path POM = Path.of("src/test/resources/realbuild/pom.xml");
  private static final Pattern GROOVY = Pattern.compile("(?s)```groovy\n(.*?)```");
  private static final Pattern DEPENDENCY = Pattern.compile("testImplementation '([^']+)'");
  /** The agent jar, then what follows it in its argument and the arguments after it. */
  private static final Pattern AGENT =
      Pattern.compile("jvmArgs \"-javaagent:\\$\\{[^\"]*weft-agent[^\"]*\\}([^\"]*)\"((?:,\\s*'[^']*')*)");

  @Test
  void theGradleSnippetAddsWhatTheTestedPomAdds() throws Exception {
    String gradle = snippet();
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
    String version = System.getProperty("weft.version", "0.1.0-SNAPSHOT");

    List<String> fromPom = new ArrayList<>();
    NodeList dependencies = pom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      if (text(d, "groupId").equals("dev.weft")) {
        fromPom.add("dev.weft:" + text(d, "artifactId") + ":"
            + text(d, "version").replace("@weft.version@", version));
      }
    }
    List<String> fromGradle = new ArrayList<>();
    Matcher d = DEPENDENCY.matcher(gradle);
    while (d.find()) fromGradle.add(d.group(1));
    assertEquals(fromPom, fromGradle, gradle);

    String argLine = text(pom.getDocumentElement(), "argLine");
    String mavenOptions = argLine.substring(argLine.indexOf("weft-agent:jar}") + 15);
    Matcher agent = AGENT.matcher(gradle);
    assertTrue(agent.find(), "the snippet gives no -javaagent with Weft's jar:\n" + gradle);
    StringBuilder gradleOptions = new StringBuilder(agent.group(1));
    Matcher more = Pattern.compile("'([^']*)'").matcher(agent.group(2));
    while (more.find()) gradleOptions.append(' ').append(more.group(1));
    assertEquals(mavenOptions, gradleOptions.toString(), gradle);
  }

  private static String snippet() throws IOException {
    Matcher m = GROOVY.matcher(Files.readString(DOC));
    assertTrue(m.find(), "docs/junit.md has no Gradle snippet");
    return m.group(1);
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
  }
}
