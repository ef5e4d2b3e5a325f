package dev.weft.explorer.schedule;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.weft.explorer.api.Timeouts;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes schedules: as versioned JSON files, and as one-line strings that can be pasted
 * into a test or a command line ({@code weft1;EXCEPTION;m=20000;s=1;c=0*3.1}, followed by the
 * optional parts of {@link #OPTIONAL_PARTS} that apply).
 */
public final class ScheduleFiles {
  private static final String STRING_PREFIX = "weft1;";
  /**
   * The short string's optional parts after the choices, in the order they are written: the benign
   * races when race detection was on, the racing sites systematic search scheduled, the timeout
   * model when it is not the default, and {@code o=1} when the JDK's structures were opened up.
   */
  private static final List<String> OPTIONAL_PARTS = List.of("r=", "p=", "t=", "o=");
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
        + (s.spuriousWakeups() ? 1 : 0) + ";c=" + s.choices()
        + (s.races() == null ? "" : ";r=" + String.join(",", s.races()))
        + (s.racingSites() == null ? "" : ";p=" + s.racingSites().stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",")))
        + (Timeouts.ANYTIME.cliName().equals(s.timeouts()) ? "" : ";t=" + s.timeouts())
        + (s.jdkStructuresOpened() ? ";o=1" : "");
  }

  public static boolean isShortString(String text) {
    return text.startsWith(STRING_PREFIX);
  }

  /**
   * Reads a schedule from a file path or a short string. Throws {@link ScheduleException} with the
   * reason when it is missing, unreadable, corrupt, or written by another Weft version.
   */
  public static Schedule read(String fileOrString, String currentWeftVersion) {
    if (isShortString(fileOrString)) {
      Schedule s = parseShortString(fileOrString, currentWeftVersion);
      ScheduleChecks.check(s, "schedule string", currentWeftVersion);
      return s;
    }
    Path file = path(fileOrString);
    Schedule s = parse(readText(file), file);
    ScheduleChecks.checkFile(s, "schedule file " + file, currentWeftVersion);
    return s;
  }

  private static Path path(String fileOrString) {
    try {
      return Path.of(fileOrString);
    } catch (InvalidPathException e) {
      throw new ScheduleException("'" + ScheduleChecks.clip(fileOrString) + "' is neither a"
          + " schedule file nor a weft1;... string; pass the path or the string Weft printed");
    }
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScheduleException("no schedule file at " + file
          + "; pass the path printed when the bug was found, or the weft1;... string");
    } catch (CharacterCodingException e) {
      throw new ScheduleException("schedule file " + file + " is not UTF-8 text; it is corrupt."
          + " Re-run the exploration to write a fresh one");
    } catch (IOException e) {
      throw new ScheduleException("cannot read schedule file " + file + " (" + e.getMessage()
          + ")");
    }
  }

  private static Schedule parse(String json, Path file) {
    JsonReader reader = new JsonReader(new StringReader(json));
    try {
      Schedule s = GSON.fromJson(reader, Schedule.class);
      if (s != null && reader.peek() != JsonToken.END_DOCUMENT) {
        throw new MalformedJsonException("more text after the schedule at " + reader.getPath());
      }
      return s;
    } catch (JsonParseException | IOException e) {
      boolean syntax = e instanceof IOException || e.getCause() instanceof IOException;
      throw new ScheduleException("schedule file " + file
          + (syntax ? " is not valid JSON (" : " does not hold a schedule (")
          + reason(e, reader.getPath())
          + "); it may be truncated or edited. Re-run the exploration to write a fresh one");
    }
  }

  private static Schedule parseShortString(String text, String weftVersion) {
    String[] parts = text.trim().split(";", -1);
    Map<String, String> optional = new HashMap<>();
    boolean ordered = true;
    for (int i = 5, next = 0; i < parts.length && ordered; i++) {
      int at = OPTIONAL_PARTS.indexOf(parts[i].substring(0, Math.min(2, parts[i].length())));
      ordered = at >= next; // known, each once, in the order they are written
      if (ordered) optional.put(OPTIONAL_PARTS.get(at), parts[i].substring(2));
      next = at + 1;
    }
    String opened = optional.getOrDefault("o=", "0");
    if (parts.length < 5 || !ordered || !parts[2].startsWith("m=")
        || !opened.equals("0") && !opened.equals("1")
        || !parts[4].startsWith("c=") || !parts[3].equals("s=0") && !parts[3].equals("s=1")) {
      throw new ScheduleException("schedule string '" + ScheduleChecks.clip(text) + "' is corrupt;"
          + " expected weft1;KIND;m=STEPS;s=0|1;c=CHOICES[;r=BENIGN,...][;p=SITES]"
          + "[;t=when-blocked][;o=1] as printed by Weft");
    }
    int maxSteps;
    try {
      maxSteps = Integer.parseInt(parts[2].substring(2));
    } catch (NumberFormatException e) {
      throw new ScheduleException("schedule string has a corrupt step bound '"
          + ScheduleChecks.clip(parts[2]) + "'");
    }
    String races = optional.get("r=");
    String sites = optional.get("p=");
    return Schedule.ofShortString(weftVersion, maxSteps, parts[3].equals("s=1"),
        optional.getOrDefault("t=", Timeouts.ANYTIME.cliName()), opened.equals("1"), parts[1],
        parts[4].substring(2),
        races == null ? null : listOf(races), sites == null ? null : sitesOf(sites));
  }

  private static List<String> listOf(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).filter(f -> !f.isEmpty()).toList();
  }

  private static List<Integer> sitesOf(String part) {
    try {
      return listOf(part).stream().map(Integer::valueOf).toList();
    } catch (NumberFormatException e) {
      throw new ScheduleException("schedule string has corrupt racing sites '"
          + ScheduleChecks.clip(part) + "'; they are numbers, as printed by Weft");
    }
  }

  /**
   * What Gson found wrong, and where, in the reader's words: the innermost message's first line,
   * without exception class names or Gson's advice on its own settings, and the path of the field
   * ({@code $.maxSteps}) when the message does not name it.
   */
  private static String reason(Throwable e, String path) {
    Throwable inner = e;
    while (inner.getCause() != null) inner = inner.getCause();
    String m = String.valueOf(inner.getMessage()).lines().findFirst().orElse("")
        .replaceAll("([\\w$]+\\.)+[\\w$]*(Exception|Error): ", "")
        .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
            "malformed JSON")
        .replace("For input string: ", "not a number: ");
    return m.contains(" path $") ? m : m + " at path " + path;
  }
}
