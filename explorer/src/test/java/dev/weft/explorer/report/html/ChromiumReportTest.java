package dev.weft.explorer.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.samples.explorer.VolatileCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real failure, opened in headless Chromium (Debian's {@code chromium} package):
 * the lanes and the failing step are in the page it renders, and a screenshot is saved under
 * target/.
 */
class ChromiumReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Only a hang guard: chromium renders one page in seconds, however busy the machine. */
  private static final long HANG_GUARD_MINUTES = 5;
  private static final Path SCREENSHOT = Path.of("target/report-lost-update.png");

  @Test
  void chromiumRendersALanePerThreadAndTheFailingStep(@TempDir Path work) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium"
        + " (apt-get install chromium) to check the HTML report in a browser");
    Failure f = Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.RANDOM)
        .seed(42).outputDir(Path.of("target/weft-chromium")).testName("lost-update").build(),
        () -> VolatileCounter.race(false)).failure().orElseThrow();
    String page = ReportFiles.beside(f.scheduleFile(), ReportFiles.HTML).toAbsolutePath().toUri()
        .toString();

    String dom = chromium(work.resolve("dom"), "--dump-dom", page);
    assertEquals(3, count(dom, "<section class=\"lane\""), dom);
    for (String thread : new String[] {"T0", "T1", "T2"}) {
      assertTrue(dom.contains("<h3>" + thread + "</h3>"), thread + " has a lane: " + dom);
    }
    assertEquals(1, count(dom, "class=\"step failing\""), dom);
    assertTrue(dom.contains("lost update: expected 2 but was 1"), dom);

    Files.deleteIfExists(SCREENSHOT);
    chromium(work.resolve("shot"), "--screenshot=" + SCREENSHOT.toAbsolutePath(),
        "--window-size=1200,900", page);
    assertTrue(Files.size(SCREENSHOT) > 0, SCREENSHOT + " is empty");
  }

  /** Runs headless Chromium with a fresh profile in {@code dir}; returns what it printed. */
  private static String chromium(Path dir, String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hang guard: chromium did not finish in " + HANG_GUARD_MINUTES
          + " minutes, far beyond rendering one page:\n" + Files.readString(err));
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed:\n" + readQuietly(err));
    return Files.readString(out);
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int count(String text, String literal) {
    Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
