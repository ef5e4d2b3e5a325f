package dev.weft.explorer.schedule;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes schedules: as versioned JSON files, and as one-line strings that can be pasted
 * into a test or a command line ({@code weft1;EXCEPTION;m=20000;s=0;c=0*3.1}).
 */
public final class ScheduleFiles {
  private static final String STRING_PREFIX = "weft1;";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .create();

  private ScheduleFiles() {}

  public static void write(Schedule schedule, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, GSON.toJson(schedule) + "\n", StandardCharsets.UTF_8);
  }

  /** The one-line form of a schedule: enough to replay it, without its context. */
  public static String toShortString(Schedule s) {
    return STRING_PREFIX + s.failureKind() + ";m=" + s.maxSteps() + ";s="
        + (s.spuriousWakeups() ? 1 : 0) + ";c=" + s.choices();
  }

  public static boolean isShortString(String text) {
    return text.startsWith(STRING_PREFIX);
  }

  /**
   * Reads a schedule from a file path or a short string. Throws {@link ScheduleException} with the
   * reason when it is missing, unreadable, corrupt, or written by another Weft version.
   */
  public static Schedule read(String fileOrString, String currentWeftVersion) {
    if (isShortString(fileOrString)) return parseShortString(fileOrString, currentWeftVersion);
    Path file = Path.of(fileOrString);
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScheduleException("no schedule file at " + file
          + "; pass the path printed when the bug was found, or the weft1;... string");
    } catch (IOException | RuntimeException e) {
      throw new ScheduleException("cannot read schedule file " + file + ": " + e.getMessage());
    }
    Schedule s;
    try {
      s = GSON.fromJson(json, Schedule.class);
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new ScheduleException("schedule file " + file + " is not valid JSON (" + reason(e)
          + "); it may be truncated or edited. Re-run the exploration to write a fresh one");
    }
    validate(s, file.toString(), currentWeftVersion);
    return s;
  }

  private static Schedule parseShortString(String text, String weftVersion) {
    String[] parts = text.trim().split(";", -1);
    if (parts.length != 5 || !parts[2].startsWith("m=") || !parts[3].startsWith("s=")
        || !parts[4].startsWith("c=")) {
      throw new ScheduleException("schedule string '" + text
          + "' is corrupt; expected weft1;KIND;m=STEPS;s=0|1;c=CHOICES as printed by Weft");
    }
    int maxSteps;
    try {
      maxSteps = Integer.parseInt(parts[2].substring(2));
    } catch (NumberFormatException e) {
      throw new ScheduleException("schedule string has a corrupt step bound '" + parts[2] + "'");
    }
    Schedule s = new Schedule(Schedule.FORMAT, Schedule.FORMAT_VERSION, weftVersion, null, null,
        null, null, 0, 0, maxSteps, parts[3].equals("s=1"), parts[1], null, parts[4].substring(2),
        null, null);
    validate(s, "schedule string", weftVersion);
    return s;
  }

  private static void validate(Schedule s, String source, String weftVersion) {
    if (s == null || !Schedule.FORMAT.equals(s.format())) {
      throw new ScheduleException(source + " is not a Weft schedule (no \"format\": \""
          + Schedule.FORMAT + "\")");
    }
    if (s.formatVersion() != Schedule.FORMAT_VERSION) {
      throw new ScheduleException(source + " has format version " + s.formatVersion()
          + ", this Weft reads version " + Schedule.FORMAT_VERSION
          + "; re-run the exploration to write a fresh schedule");
    }
    if (!weftVersion.equals(s.weftVersion())) {
      throw new ScheduleException(source + " was written by Weft " + s.weftVersion()
          + ", this is Weft " + weftVersion + "; re-run the exploration to write a fresh schedule");
    }
    if (s.maxSteps() < 1) throw new ScheduleException(source + " has no valid maxSteps");
    if (s.failureKind() == null || s.failureKind().isEmpty()) {
      throw new ScheduleException(source + " names no failure kind");
    }
    try {
      ChoiceCodec.decode(s.choices());
      if (s.steps() != null) StepLogCodec.decode(s.steps());
      if (s.original() != null) ChoiceCodec.decode(s.original());
    } catch (ScheduleException e) {
      throw new ScheduleException("in " + source + ", " + e.getMessage());
    }
  }

  /** The parser's first line, without the class name of its exception. */
  private static String reason(Throwable e) {
    String m = String.valueOf(e.getMessage()).replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
