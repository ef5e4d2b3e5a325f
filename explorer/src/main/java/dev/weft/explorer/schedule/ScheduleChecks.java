package dev.weft.explorer.schedule;

import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Timeouts;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.StepLog;
import dev.weft.scheduler.view.ChoiceKind;
import java.util.Arrays;

/**
 * What a schedule must hold before Weft replays it. Each check names what is wrong, so that a
 * stale, foreign or corrupt schedule is refused with a reason instead of failing in the replay.
 */
final class ScheduleChecks {
  private static final String RECORD_AGAIN = "; re-run the exploration to write a fresh schedule";
  private static final int CLIPPED_LENGTH = 40;

  private ScheduleChecks() {}

  /** Checks a schedule read from a file, which also vouches for the class files it ran. */
  static void checkFile(Schedule s, String source, String weftVersion) {
    check(s, source, weftVersion);
    if (s.classes() == null) {
      throw new ScheduleException(source + " holds no class hashes (\"classes\"), so it was"
          + " edited" + RECORD_AGAIN);
    }
    try {
      ClassHashes.validate(s.classes());
    } catch (ScheduleException e) {
      throw new ScheduleException("in " + source + ", " + e.getMessage() + RECORD_AGAIN);
    }
  }

  /**
   * Checks what every schedule needs: its format and versions, the replay's settings, and choices
   * (and steps, when present) that decode and agree with each other.
   *
   * @throws ScheduleException saying what is wrong, prefixed with {@code source}
   */
  static void check(Schedule s, String source, String weftVersion) {
    if (s == null || !Schedule.FORMAT.equals(s.format())) {
      throw new ScheduleException(source + " is not a Weft schedule (no \"format\": \""
          + Schedule.FORMAT + "\")");
    }
    if (s.formatVersion() != Schedule.FORMAT_VERSION) {
      throw new ScheduleException(source + " has format version " + s.formatVersion()
          + ", but this Weft reads version " + Schedule.FORMAT_VERSION + " only" + RECORD_AGAIN);
    }
    if (s.weftVersion() == null || s.weftVersion().isBlank()) {
      throw new ScheduleException(source + " names no Weft version" + RECORD_AGAIN);
    }
    if (!weftVersion.equals(s.weftVersion())) {
      throw new ScheduleException(source + " was written by Weft " + clip(s.weftVersion())
          + ", this is Weft " + weftVersion + RECORD_AGAIN);
    }
    if (s.maxSteps() < 1) {
      throw new ScheduleException(source + " has maxSteps " + s.maxSteps()
          + "; a replay needs at least 1");
    }
    if (Arrays.stream(FailureKind.values()).noneMatch(k -> k.name().equals(s.failureKind()))) {
      throw new ScheduleException(source + " names failure kind "
          + (s.failureKind() == null ? "null" : "'" + clip(s.failureKind()) + "'")
          + ", not one of " + Arrays.toString(FailureKind.values()));
    }
    if (Arrays.stream(Timeouts.values()).noneMatch(t -> t.cliName().equals(s.timeouts()))) {
      throw new ScheduleException(source + " names timeout model "
          + (s.timeouts() == null ? "null" : "'" + clip(s.timeouts()) + "'")
          + ", not anytime or when-blocked");
    }
    if (s.args() != null && s.args().contains(null)) {
      throw new ScheduleException(source + " lists null among the program's arguments (\"args\"),"
          + " so it was edited" + RECORD_AGAIN);
    }
    if (s.jvmArgs() != null && s.jvmArgs().contains(null)) {
      throw new ScheduleException(source + " lists null among the program's JVM options"
          + " (\"jvmArgs\"), so it was edited" + RECORD_AGAIN);
    }
    if (s.races() != null && s.races().stream().anyMatch(f -> f == null || f.isBlank())) {
      throw new ScheduleException(source + " lists an empty field among its benign races");
    }
    try {
      Choices choices = ChoiceCodec.decode(s.choices());
      if (s.steps() != null) agree(choices, StepLogCodec.decode(s.steps()));
      if (s.original() != null) ChoiceCodec.decode(s.original());
    } catch (ScheduleException e) {
      throw new ScheduleException("in " + source + ", " + e.getMessage());
    }
  }

  /**
   * The step log records which threads could run at each step; where two or more could, the step
   * was a thread choice. Those must be the schedule's thread choices, in order.
   */
  private static void agree(Choices choices, StepLog steps) {
    int next = 0; // index into choices, at the next thread choice
    for (int i = 0; i < steps.size(); i++) {
      if (steps.enabledCount(i) < 2) continue;
      next = nextThreadChoice(choices, next);
      if (next == choices.size()) {
        throw disagree("the step log has a thread choice at step " + i
            + ", after the choices have ended");
      }
      if (choices.value(next) != steps.thread(i)) {
        throw disagree("choice " + next + " runs T" + choices.value(next)
            + ", but the step log runs T" + steps.thread(i) + " at step " + i);
      }
      next++;
    }
    next = nextThreadChoice(choices, next);
    if (next < choices.size()) {
      throw disagree("choice " + next + " is a thread choice after the step log has ended");
    }
  }

  private static int nextThreadChoice(Choices choices, int from) {
    int i = from;
    while (i < choices.size() && choices.kind(i) != ChoiceKind.THREAD) i++;
    return i;
  }

  private static ScheduleException disagree(String what) {
    return new ScheduleException("the schedule's choices and step log disagree (" + what
        + "), so the file was edited or is corrupt" + RECORD_AGAIN);
  }

  /** {@code text} cut to a length that fits in a message, for values read from a corrupt file. */
  static String clip(String text) {
    String shown =
        text.length() <= CLIPPED_LENGTH ? text : text.substring(0, CLIPPED_LENGTH) + "...";
    // A value quoted from a damaged file may hold line breaks or other control characters: they
    // are shown escaped, so that the message stays one readable line.
    StringBuilder s = new StringBuilder(shown.length());
    for (char c : shown.toCharArray()) {
      if (c == '\n') s.append("\\n");
      else if (c == '\r') s.append("\\r");
      else if (c == '\t') s.append("\\t");
      else if (c < 0x20 || c == 0x7f) {
        s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
