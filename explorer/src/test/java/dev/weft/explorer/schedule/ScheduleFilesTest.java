package dev.weft.explorer.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.trace.StepLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleFilesTest {
  private static final String VERSION = "1.2.3";

  private static final int[] STEPS =
      {0, 3, -123456789, 0b11, 42, 2, -77, 0, 0, 7, 0b11, -1, 0, 0, 1, 5, 8, 0b11, 9, 3, 1 << 30};

  /** Three steps at which T0 and T1 could run: T0 ran twice, then T1, as the choices say. */
  private static Schedule sample() {
    return Schedule.of(VERSION, "17", "T.m", null, null, null, "random", 7, 3, 500, false,
        "anytime", false, "EXCEPTION",
        "T1 threw boom", "0*2.1", StepLogCodec.encode(StepLog.of(STEPS)), "1.0*3.1*2", null, null,
        new TreeMap<>(Map.of("a.B#run", "0123456789abcdef", "a.B$1#<init>", "fedcba9876543210")));
  }

  @Test
  void stepLogRoundTrips() {
    assertArrayEquals(STEPS, StepLogCodec.decode(sample().steps()).toArray());
  }

  @Test
  void fileRoundTrips(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/x.json");
    ScheduleFiles.write(sample(), file);
    assertEquals(sample(), ScheduleFiles.read(file.toString(), VERSION));
  }

  @Test
  void theProgramsArgumentsAndJvmOptionsTravelInTheFile(@TempDir Path dir) throws IOException {
    Schedule cli = Schedule.of(VERSION, "17", "com.acme.Main", "classes", List.of("a b"),
        List.of("-Xmx256m", "-Dmode=a b"), "random", 7, 3, 500, false, "anytime", false,
        "EXCEPTION", "T0 threw boom", "0*2.1", null, "0*2.1", null, null, new TreeMap<>());
    Path file = dir.resolve("cli.json");
    ScheduleFiles.write(cli, file);
    assertEquals(List.of("-Xmx256m", "-Dmode=a b"),
        ScheduleFiles.read(file.toString(), VERSION).jvmArgs());
    Files.writeString(file, Files.readString(file).replace("\"-Xmx256m\"", "null"));
    assertRefused(file.toString(), "lists null among the program's JVM options (\"jvmArgs\")");
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
  void raceRulesTravelInTheFileAndTheShortString(@TempDir Path dir) throws IOException {
    Schedule races = Schedule.of(VERSION, "17", "T.m", null, null, null, "dfs", 7, 3, 500, false,
        "anytime", false, "DATA_RACE", "Data race on C.f", "1", null, null, List.of("com.acme.C.hits", "D.g"), null,
        new TreeMap<>());
    Path file = dir.resolve("r.json");
    ScheduleFiles.write(races, file);
    assertEquals(races.races(), ScheduleFiles.read(file.toString(), VERSION).races());
    String s = ScheduleFiles.toShortString(races);
    assertEquals("weft1;DATA_RACE;m=500;s=0;c=1;r=com.acme.C.hits,D.g", s);
    assertEquals(races.races(), ScheduleFiles.read(s, VERSION).races());
    assertEquals(List.of(), ScheduleFiles.read("weft1;DATA_RACE;m=500;s=0;c=1;r=", VERSION)
        .races());
    assertEquals(null, ScheduleFiles.read(ScheduleFiles.toShortString(sample()), VERSION).races());
    assertRefused("weft1;DATA_RACE;m=500;s=0;c=1;x=y", "is corrupt");
  }

  @Test
  void racingSitesTravelInTheFileAndTheShortString(@TempDir Path dir) throws IOException {
    Schedule racing = Schedule.of(VERSION, "17", "T.m", null, null, null, "dfs", 7, 3, 500, false,
        "anytime", false, "EXCEPTION", "T0 threw boom", "1", null, null, null, List.of(-5, 42), new TreeMap<>());
    Path file = dir.resolve("p.json");
    ScheduleFiles.write(racing, file);
    assertEquals(List.of(-5, 42), ScheduleFiles.read(file.toString(), VERSION).racingSites());
    String s = ScheduleFiles.toShortString(racing);
    assertEquals("weft1;EXCEPTION;m=500;s=0;c=1;p=-5,42", s);
    assertEquals(List.of(-5, 42), ScheduleFiles.read(s, VERSION).racingSites());
    assertEquals(List.of(7), ScheduleFiles.read("weft1;EXCEPTION;m=500;s=0;c=1;r=C.f;p=7", VERSION)
        .racingSites());
    assertEquals(null, ScheduleFiles.read(ScheduleFiles.toShortString(sample()), VERSION)
        .racingSites());
    assertRefused("weft1;EXCEPTION;m=500;s=0;c=1;p=x", "corrupt racing sites");
    assertRefused("weft1;EXCEPTION;m=500;s=0;c=1;p=1;r=C.f", "is corrupt");
  }

  @Test
  void openedJdkStructuresTravelInTheFileAndTheShortString(@TempDir Path dir) throws IOException {
    Schedule opened = Schedule.of(VERSION, "17", "T.m", null, null, null, "dfs", 7, 3, 500, false,
        "when-blocked", true, "EXCEPTION", "T0 threw boom", "1", null, null, null, null,
        new TreeMap<>());
    Path file = dir.resolve("o.json");
    ScheduleFiles.write(opened, file);
    assertTrue(ScheduleFiles.read(file.toString(), VERSION).jdkStructuresOpened());
    String s = ScheduleFiles.toShortString(opened);
    assertEquals("weft1;EXCEPTION;m=500;s=0;c=1;t=when-blocked;o=1", s);
    assertTrue(ScheduleFiles.read(s, VERSION).jdkStructuresOpened());
    assertFalse(ScheduleFiles.read(ScheduleFiles.toShortString(sample()), VERSION)
        .jdkStructuresOpened());
    // A file written before the setting existed had nothing opened.
    String setting = "\"jdkStructuresOpened\": false,";
    assertTrue(json(dir).contains(setting), json(dir));
    assertFalse(ScheduleFiles.read(write(dir, json(dir).replace(setting, "")), VERSION)
        .jdkStructuresOpened());
    assertRefused("weft1;EXCEPTION;m=500;s=0;c=1;o=2", "is corrupt");
    assertRefused("weft1;EXCEPTION;m=500;s=0;c=1;o=1;t=when-blocked", "is corrupt");
  }

  @Test
  void theTimeoutModelTravelsInTheFileAndTheShortString(@TempDir Path dir) throws IOException {
    Schedule blocked = Schedule.of(VERSION, "17", "T.m", null, null, null, "random", 7, 3, 500,
        true, "when-blocked", false, "EXCEPTION", "T0 threw boom", "1.s1", null, null, null, List.of(3),
        new TreeMap<>());
    Path file = dir.resolve("t.json");
    ScheduleFiles.write(blocked, file);
    assertEquals("when-blocked", ScheduleFiles.read(file.toString(), VERSION).timeouts());
    String s = ScheduleFiles.toShortString(blocked);
    assertEquals("weft1;EXCEPTION;m=500;s=1;c=1.s1;p=3;t=when-blocked", s);
    assertEquals("when-blocked", ScheduleFiles.read(s, VERSION).timeouts());
    assertEquals("anytime", ScheduleFiles.read(ScheduleFiles.toShortString(sample()), VERSION)
        .timeouts());
    assertRefused("weft1;EXCEPTION;m=500;s=1;c=1;t=sometimes", "timeout model 'sometimes'");
    assertRefused("weft1;EXCEPTION;m=500;s=1;c=1;t=when-blocked;p=3", "is corrupt");
    assertRefused(write(dir, json(dir).replace("\"anytime\"", "\"never\"")),
        "timeout model 'never'");
  }

  @Test
  void refusesMissingCorruptAndStaleFiles(@TempDir Path dir) throws IOException {
    assertRefused(dir.resolve("absent.json").toString(), "no schedule file");
    String json = json(dir);
    assertRefused(write(dir, json.substring(0, json.length() / 2)), "not valid JSON");
    assertRefused(write(dir, json.replace("\"1.2.3\"", "\"0.0.1\"")), "written by Weft 0.0.1");
    assertRefused(write(dir, "{\"hello\": 1}"), "not a Weft schedule");
    assertRefused(write(dir, json.replace("0*2.1", "0*2.zz")), "corrupt near 'zz'");
    String steps = sample().steps();
    assertRefused(write(dir, json.replace(steps, steps.substring(0, 5))), "step log is corrupt");
    assertRefused(write(dir, json.replace("1.0*3.1*2", "1.0*3.q")), "corrupt near 'q'");
    assertRefused("weft1;EXCEPTION;m=x;s=0;c=", "corrupt step bound");
    assertRefused("weft1;nonsense", "is corrupt");
  }

  /** An edit of the sample file (replace this, by that) and the reason it is refused for. */
  static Stream<Arguments> edits() {
    return Stream.of(
        edit("\"formatVersion\": 6", "\"formatVersion\": 5", "has format version 5, but this"
            + " Weft reads version 6 only; re-run the exploration to write a fresh schedule"),
        edit("0123456789abcdef", "0123",
            "the schedule's hash of a.B#run is '0123', not 16 hex digits"),
        edit("\"a.B#run\"", "\"a..B#run\"",
            "the schedule's classes name 'a..B#run', which is not a class and a method,"
                + " CLASS#METHOD"),
        edit("\"a.B#run\"", "\"a.B\"",
            "the schedule's classes name 'a.B', which is not a class and a method, CLASS#METHOD"),
        edit("\"a.B#run\"", "\"a.B#r-n\"",
            "the schedule's classes name 'a.B#r-n', which is not a class and a method"),
        edit("0*2.1", "0.1.1", "the schedule's choices and step log disagree (choice 1 runs T1,"
            + " but the step log runs T0 at step 1), so the file was edited or is corrupt; re-run"
            + " the exploration to write a fresh schedule"),
        edit("0*2.1", "0*2.1.0", "choice 3 is a thread choice after the step log has ended"),
        edit("0*2.1", "0*2.n0",
            "the step log has a thread choice at step 2, after the choices have ended"),
        edit("\"EXCEPTION\"", "\"BOOM\"",
            "names failure kind 'BOOM', not one of [EXCEPTION, DEADLOCK"),
        edit("500", "-5", "has maxSteps -5; a replay needs at least 1"),
        edit("500", "\"many\"",
            "does not hold a schedule (not a number: \"many\" at path $.maxSteps)"),
        edit("\"0*2.1\"", "[1]",
            "does not hold a schedule (Expected a string but was BEGIN_ARRAY at line"),
        edit("0*2.1", "\u0661", "corrupt near '\u0661'"));
  }

  private static Arguments edit(String from, String to, String reason) {
    return Arguments.of(from, to, reason);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("edits")
  void refusesAnEditedFileSayingWhy(String from, String to, String reason, @TempDir Path dir)
      throws IOException {
    assertRefused(write(dir, json(dir).replace(from, to)), reason);
  }

  @Test
  void refusesWhatIsNotAScheduleFileOrString(@TempDir Path dir) throws IOException {
    assertRefused(write(dir, json(dir).replaceAll("(?s),\\s*\"classes\": \\{.*?}", "")),
        "holds no class hashes");
    Path notText = dir.resolve("binary.json");
    Files.write(notText, new byte[] {'{', (byte) 0xC3, '}'});
    assertRefused(notText.toString(), "is not UTF-8 text");
    assertRefused("weft1;EXCEPTION;m=5;s=2;c=", "is corrupt; expected weft1;KIND;m=STEPS;s=0|1");
    assertRefused("weft1;NONE;m=5;s=0;c=", "names failure kind 'NONE'");
    assertRefused("weft1;EXCEPTION;m=5;s=0;c=1*99999999", "add up to more than 10000000");
    assertRefused("bad\0path", "is neither a schedule file nor a weft1;... string");
  }

  private static String json(Path dir) throws IOException {
    Path file = dir.resolve("sample.json");
    ScheduleFiles.write(sample(), file);
    return Files.readString(file);
  }

  private static String write(Path dir, String json) throws IOException {
    Path file = Files.createTempFile(dir, "schedule", ".json");
    Files.writeString(file, json);
    return file.toString();
  }

  private static void assertRefused(String source, String reason) {
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> ScheduleFiles.read(source, VERSION));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertFalse(e.getMessage().contains("java.") || e.getMessage().contains("Exception"),
        e.getMessage());
  }
}
