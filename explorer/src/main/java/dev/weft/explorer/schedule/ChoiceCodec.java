package dev.weft.explorer.schedule;

import dev.weft.scheduler.strategy.ChoiceKind;
import dev.weft.scheduler.trace.Choices;
import java.util.ArrayList;
import java.util.List;

/**
 * Choices as short text: a thread choice is its id ({@code 1}), a notify choice is {@code n} and the
 * waiter's index ({@code n0}); a run of equal tokens is written once with a count ({@code 0*5}).
 * Tokens are separated by dots: {@code 0*3.1.n0.1*2}. The empty string is no choice at all.
 */
public final class ChoiceCodec {
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
      if (choices.kind(i) == ChoiceKind.NOTIFY) out.append('n');
      out.append(choices.value(i));
      if (run > 1) out.append('*').append(run);
      i += run;
    }
    return out.toString();
  }

  public static Choices decode(String text) {
    if (text == null) throw new ScheduleException("the schedule has no choices field");
    List<ChoiceKind> kinds = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String token : text.split("\\.", -1)) parseToken(token, kinds, values);
    }
    ChoiceKind[] k = kinds.toArray(new ChoiceKind[0]);
    int[] v = values.stream().mapToInt(Integer::intValue).toArray();
    return Choices.of(k, v);
  }

  private static void parseToken(String token, List<ChoiceKind> kinds, List<Integer> values) {
    try {
      ChoiceKind kind = token.startsWith("n") ? ChoiceKind.NOTIFY : ChoiceKind.THREAD;
      String body = kind == ChoiceKind.NOTIFY ? token.substring(1) : token;
      int star = body.indexOf('*');
      int value = Integer.parseInt(star < 0 ? body : body.substring(0, star));
      int run = star < 0 ? 1 : Integer.parseInt(body.substring(star + 1));
      if (value < 0 || value > 0xFFFFFF || run < 1 || run > 10_000_000) {
        throw new NumberFormatException();
      }
      for (int r = 0; r < run; r++) {
        kinds.add(kind);
        values.add(value);
      }
    } catch (NumberFormatException e) {
      throw new ScheduleException(
          "the schedule's choices are corrupt near '" + token
              + "'; expected tokens like 0, 1*3 or n0 separated by dots");
    }
  }
}
