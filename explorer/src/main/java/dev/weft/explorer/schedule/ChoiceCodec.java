package dev.weft.explorer.schedule;

import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.view.ChoiceKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Choices as short text: a thread choice is its id ({@code 1}), a notify choice is {@code n} and the
 * waiter's index ({@code n0}), a spurious-wakeup choice is {@code s} and 0 or 1 ({@code s1}); a run
 * of equal tokens is written once with a count ({@code 0*5}).
 * Tokens are separated by dots: {@code 0*3.1.n0.1*2}. The empty string is no choice at all.
 */
public final class ChoiceCodec {
  /** A cap on the decisions a schedule may hold, so a corrupt run count cannot exhaust memory. */
  private static final int MAX_CHOICES = 10_000_000;

  /** The largest value {@link Choices} holds. */
  private static final int MAX_VALUE = 0xFFFFFF;

  /** ASCII digits only: {@link Integer#parseInt} would take other scripts' digits, and signs. */
  private static final Pattern TOKEN = Pattern.compile("([ns]?)([0-9]{1,8})(?:\\*([0-9]{1,8}))?");

  private ChoiceCodec() {}

  public static String encode(Choices choices) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < choices.size()) {
      int run = 1;
      while (i + run < choices.size() && choices.kind(i + run) == choices.kind(i)
          && choices.value(i + run) == choices.value(i)) {
        run++;
      }
      if (out.length() > 0) out.append('.');
      out.append(prefix(choices.kind(i)));
      out.append(choices.value(i));
      if (run > 1) out.append('*').append(run);
      i += run;
    }
    return out.toString();
  }

  /**
   * @throws ScheduleException naming the first bad token, or when the runs add up to more than
   *     {@link #MAX_CHOICES}
   */
  public static Choices decode(String text) {
    if (text == null) throw new ScheduleException("the schedule has no choices field");
    Choices choices = new Choices();
    if (text.isEmpty()) return choices;
    long total = 0;
    for (String token : text.split("\\.", -1)) {
      Matcher m = TOKEN.matcher(token);
      if (!m.matches()) throw corrupt(token);
      ChoiceKind kind = kindOf(m.group(1));
      int value = Integer.parseInt(m.group(2));
      int run = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      if (value > MAX_VALUE || run < 1) throw corrupt(token);
      total += run;
      if (total > MAX_CHOICES) {
        throw new ScheduleException("the schedule's choices add up to more than " + MAX_CHOICES
            + " decisions, more than Weft replays; the file is corrupt");
      }
      for (int r = 0; r < run; r++) choices.add(kind, value);
    }
    return choices;
  }

  private static String prefix(ChoiceKind kind) {
    return switch (kind) {
      case THREAD -> "";
      case NOTIFY -> "n";
      case SPURIOUS -> "s";
    };
  }

  private static ChoiceKind kindOf(String prefix) {
    for (ChoiceKind k : ChoiceKind.values()) if (prefix(k).equals(prefix)) return k;
    throw new IllegalArgumentException(prefix); // the token pattern admits no other prefix
  }

  private static ScheduleException corrupt(String token) {
    return new ScheduleException("the schedule's choices are corrupt near '"
        + ScheduleChecks.clip(token) + "'; expected tokens like 0, 1*3, n0 or s1 separated by dots");
  }
}
