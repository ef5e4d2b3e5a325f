package dev.weft.explorer.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.trace.StepLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleFilesTest {
  private static final String VERSION = "1.2.3";

  private static Schedule sample() {
    return new Schedule(Schedule.FORMAT, Schedule.FORMAT_VERSION, VERSION, "17", "T.m", null,
        "random", 7, 3, 500, false, "EXCEPTION", "T1 threw boom", "0*2.1", steps(),
        "1.0*3.1*2");
  }

  private static String steps() {
    StepLog log = StepLog.of(new int[] {0, 3, -123456789, 0b11, 42, 1, 0, 7, 0b10, -1});
    return StepLogCodec.encode(log);
  }

  @Test
  void stepLogRoundTrips() {
    int[] back = StepLogCodec.decode(steps()).toArray();
    assertArrayEquals(new int[] {0, 3, -123456789, 0b11, 42, 1, 0, 7, 0b10, -1}, back);
  }

  @Test
  void fileRoundTrips(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/x.json");
    ScheduleFiles.write(sample(), file);
    assertEquals(sample(), ScheduleFiles.read(file.toString(), VERSION));
  }

  @Test
  void shortStringCarriesWhatReplayNeeds() {
    String s = ScheduleFiles.toShortString(sample());
    assertEquals("weft1;EXCEPTION;m=500;s=0;c=0*2.1", s);
    Schedule back = ScheduleFiles.read(s, VERSION);
    assertEquals("0*2.1", back.choices());
    assertEquals(500, back.maxSteps());
    assertEquals("EXCEPTION", back.failureKind());
  }

  @Test
  void refusesMissingCorruptAndStaleFiles(@TempDir Path dir) throws IOException {
    assertRefused(dir.resolve("absent.json").toString(), "no schedule file");
    Path truncated = dir.resolve("t.json");
    ScheduleFiles.write(sample(), truncated);
    String json = Files.readString(truncated);
    Files.writeString(truncated, json.substring(0, json.length() / 2));
    assertRefused(truncated.toString(), "not valid JSON");
    Path stale = dir.resolve("s.json");
    Files.writeString(stale, json.replace("\"1.2.3\"", "\"0.0.1\""));
    assertRefused(stale.toString(), "written by Weft 0.0.1");
    Path foreign = dir.resolve("f.json");
    Files.writeString(foreign, "{\"hello\": 1}");
    assertRefused(foreign.toString(), "not a Weft schedule");
    Path garbled = dir.resolve("g.json");
    Files.writeString(garbled, json.replace("0*2.1", "0*2.zz"));
    assertRefused(garbled.toString(), "corrupt near 'zz'");
    Path badOriginal = dir.resolve("o.json");
    Files.writeString(badOriginal, json.replace("1.0*3.1*2", "1.0*3.q"));
    assertRefused(badOriginal.toString(), "corrupt near 'q'");
    Path oldFormat = dir.resolve("v.json");
    Files.writeString(oldFormat, json.replace("\"formatVersion\": 3", "\"formatVersion\": 2"));
    assertRefused(oldFormat.toString(), "format version 2, this Weft reads version 3");
    Path cut = dir.resolve("c.json");
    Files.writeString(cut, json.replace(steps(), steps().substring(0, 5)));
    assertRefused(cut.toString(), "step log is corrupt");
    assertRefused("weft1;EXCEPTION;m=x;s=0;c=", "corrupt step bound");
    assertRefused("weft1;nonsense", "is corrupt");
  }

  private static void assertRefused(String source, String reason) {
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> ScheduleFiles.read(source, VERSION));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
