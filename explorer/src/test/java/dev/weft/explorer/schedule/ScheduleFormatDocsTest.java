package dev.weft.explorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/schedule-format.md's examples agree: its schedule file is one Weft reads (every check
 * passes, its choices against its steps included), and its one-line string is that file's.
 */
class ScheduleFormatDocsTest {
  private static final Path PAGE = Path.of("../docs/schedule-format.md");

  @Test
  void theFileExampleIsValidAndTheStringExampleIsItsString(@TempDir Path dir) throws IOException {
    String page = Files.readString(PAGE);
    String json = block(page, "```json\n");
    Matcher version = Pattern.compile("\"weftVersion\": \"([^\"]+)\"").matcher(json);
    assertTrue(version.find(), json);
    Path file = dir.resolve("example.json");
    Files.writeString(file, json);

    Schedule schedule = ScheduleFiles.read(file.toString(), version.group(1));
    assertEquals(Schedule.FORMAT_VERSION, schedule.formatVersion());
    String string = block(page.substring(page.indexOf("## The one-line string")), "```\n").strip();
    assertEquals(ScheduleFiles.toShortString(schedule), string);
    assertTrue(page.contains("`" + schedule.choices() + "` (T0, then T1 twice, then T2 three"
        + " times) is therefore the whole story"), "the walk-through names the file's choices");
  }

  /** The first fenced block that opens with {@code fence}. */
  private static String block(String text, String fence) {
    int start = text.indexOf(fence) + fence.length();
    return text.substring(start, text.indexOf("```", start));
  }
}
