package dev.weft.explorer.schedule;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.weft.scheduler.trace.StepLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * Deterministic mutants of a schedule file, each named by the kind of damage: bytes flipped,
 * deleted or inserted; the file cut at every length; fields removed, duplicated or retyped; and
 * values changed (choices, the step log, versions, numbers, class hashes, unicode strings).
 */
final class ScheduleMutants {
  /** One mutant: the kind of damage, and the bytes of the damaged file. */
  record Mutant(String kind, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
  private static final String[] NUMBERS = {"0", "-1", "1", "2", "3", "2147483647", "-2147483648",
      "2147483648", "9223372036854775807", "-9223372036854775809", "1e300", "-0", "1.5", "\"7\""};
  private static final String[] STRINGS = {"", " ", "日本語", "😀", "\\u0000", "\\ud800",
      "\\u202eevil", "e\\u0301", "x".repeat(100_000), "EXCEPTION", "null", "{}"};
  private static final String[] TOKENS = {"0", "1", "2", "3", "7", "n0", "n1", "n2", "0*2", "1*3",
      "n0*2", "16777215", "16777216", "99999999", "0*0", "1*9999999", "-1", "+1", "", "x", "٣",
      "３", "n", "*", "0**2", "1 "};
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
  private static final int[] INTS = {-2, -1, 0, 1, 2, 3, 4, 31, 32, 33, 99, 0xFFFF,
      Integer.MAX_VALUE, Integer.MIN_VALUE};

  private final SplittableRandom random;
  private final String json;
  private final byte[] bytes;
  private final JsonObject fields;
  private final List<Mutant> out = new ArrayList<>();

  private ScheduleMutants(String json, long seed) {
    this.random = new SplittableRandom(seed);
    this.json = json;
    this.bytes = json.getBytes(StandardCharsets.UTF_8);
    this.fields = JsonParser.parseString(json).getAsJsonObject();
  }

  /**
   * About {@code 12 * perKind} mutants of {@code json} plus the cuts, the same for the same seed.
   *
   * @param cutStride cut the file at every {@code cutStride}-th length
   */
  static List<Mutant> of(String json, long seed, int perKind, int cutStride) {
    ScheduleMutants m = new ScheduleMutants(json, seed);
    for (int i = 0; i < perKind; i++) {
      m.bytes();
      m.choices();
      m.steps();
      m.classes();
      m.numbers();
      m.strings();
      m.combined();
    }
    m.cuts(cutStride);
    m.structure();
    return m.out;
  }

  /** Mutants of a {@code weft1;...} string: bytes flipped, deleted, inserted, and its choices. */
  static List<Mutant> ofShortString(String text, long seed, int count) {
    ScheduleMutants m = new ScheduleMutants("{}", seed);
    byte[] original = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      m.add("string bytes", m.byteEdit(original));
      String choices = text.substring(text.indexOf(";c=") + 3);
      String prefix = text.substring(0, text.indexOf(";c=") + 3);
      m.add("string choices", (prefix + m.editChoices(choices)).getBytes(StandardCharsets.UTF_8));
    }
    return m.out;
  }

  private void add(String kind, byte[] content) {
    out.add(new Mutant(kind, content));
  }

  private void add(String kind, String content) {
    add(kind, content.getBytes(StandardCharsets.UTF_8));
  }

  private void addJson(String kind, UnaryOperator<JsonObject> change) {
    add(kind, GSON.toJson(change.apply(fields.deepCopy())));
  }

  // ---------------------------------------------------------------- bytes

  private void bytes() {
    add("byte flip", flip(bytes));
    add("byte edit", byteEdit(bytes));
  }

  private byte[] flip(byte[] original) {
    byte[] b = original.clone();
    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
    return b;
  }

  /** One byte deleted, inserted or replaced by any byte, at any place. */
  private byte[] byteEdit(byte[] original) {
    int at = random.nextInt(original.length);
    byte any = (byte) random.nextInt(256);
    switch (random.nextInt(3)) {
      case 0: {
        byte[] b = new byte[original.length - 1];
        System.arraycopy(original, 0, b, 0, at);
        System.arraycopy(original, at + 1, b, at, original.length - at - 1);
        return b;
      }
      case 1: {
        byte[] b = new byte[original.length + 1];
        System.arraycopy(original, 0, b, 0, at);
        b[at] = any;
        System.arraycopy(original, at, b, at + 1, original.length - at);
        return b;
      }
      default: {
        byte[] b = original.clone();
        b[at] = any;
        return b;
      }
    }
  }

  private void cuts(int stride) {
    for (int length = 0; length < bytes.length; length += stride) {
      add("cut", Arrays.copyOf(bytes, length));
    }
  }

  // ---------------------------------------------------------------- structure

  /** Every field removed, duplicated (before and after the original) and retyped. */
  private void structure() {
    for (String name : fields.keySet()) {
      addJson("field removed", o -> {
        o.remove(name);
        return o;
      });
      JsonElement value = fields.get(name);
      for (JsonElement other : retyped(value)) {
        addJson("field retyped", o -> {
          o.add(name, other);
          return o;
        });
        String entry = "  \"" + name + "\": " + GSON.toJson(other) + ",\n";
        add("field duplicated",
            json.replaceFirst("\\{\n", Matcher.quoteReplacement("{\n" + entry)));
        int end = json.lastIndexOf('}');
        add("field duplicated", json.substring(0, end).stripTrailing() + ",\n"
            + entry.substring(0, entry.length() - 2) + "\n}\n");
      }
    }
  }

  /** {@code value} as each other JSON type, and itself (a plain duplicate). */
  private static List<JsonElement> retyped(JsonElement value) {
    JsonArray array = new JsonArray();
    array.add(value.deepCopy());
    String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
    return List.of(value.deepCopy(), new JsonPrimitive(text), new JsonPrimitive(text.length()),
        JsonNull.INSTANCE, array, new JsonObject(), new JsonPrimitive(true));
  }

  // ---------------------------------------------------------------- values

  private void choices() {
    String choices = fields.get("choices").getAsString();
    addJson("choices", o -> {
      o.addProperty("choices", editChoices(choices));
      return o;
    });
    addJson("choices without steps", o -> {
      o.addProperty("choices", editChoices(choices));
      o.remove("steps");
      return o;
    });
  }

  private String editChoices(String choices) {
    List<String> tokens = new ArrayList<>(List.of(choices.split("\\.", -1)));
    switch (random.nextInt(6)) {
      case 0 -> tokens.set(random.nextInt(tokens.size()), pick(TOKENS));
      case 1 -> Collections.shuffle(tokens, new Random(random.nextLong()));
      case 2 -> {
        for (int i = random.nextInt(1, 4); i > 0; i--) tokens.add(pick(TOKENS));
      }
      case 3 -> tokens.remove(random.nextInt(tokens.size()));
      case 4 -> tokens.add(random.nextInt(tokens.size() + 1), pick(TOKENS));
      default -> {
        return random.nextBoolean() ? "" : pick(TOKENS);
      }
    }
    return String.join(".", tokens);
  }

  private void steps() {
    String steps = fields.get("steps").getAsString();
    addJson("steps text", o -> {
      o.addProperty("steps", editText(steps, BASE64 + "-_ é"));
      return o;
    });
    addJson("steps values", o -> {
      o.addProperty("steps", StepLogCodec.encode(editInts(StepLogCodec.decode(steps).toArray())));
      return o;
    });
  }

  /** One character replaced, deleted or added, or the text cut short. */
  private String editText(String text, String alphabet) {
    int at = random.nextInt(text.length() + 1);
    String c = String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
    return switch (random.nextInt(4)) {
      case 0 -> text.substring(0, at) + c + text.substring(Math.min(text.length(), at + 1));
      case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
      case 2 -> text.substring(0, at) + c + text.substring(at);
      default -> text.substring(0, at);
    };
  }

  /** One entry changed, or a step dropped, repeated or moved, or the step width broken. */
  private int[] editInts(int[] values) {
    int steps = values.length / StepLog.WIDTH;
    int[] v = values.clone();
    int step = random.nextInt(steps) * StepLog.WIDTH;
    switch (random.nextInt(5)) {
      case 0, 1 -> {
        v[random.nextInt(v.length)] = random.nextBoolean() ? pick(INTS) : random.nextInt();
        return v;
      }
      case 2 -> {
        int[] shorter = new int[v.length - StepLog.WIDTH];
        System.arraycopy(v, 0, shorter, 0, step);
        System.arraycopy(v, step + StepLog.WIDTH, shorter, step, v.length - step - StepLog.WIDTH);
        return shorter;
      }
      case 3 -> {
        int[] longer = Arrays.copyOf(v, v.length + StepLog.WIDTH);
        System.arraycopy(v, step, longer, v.length, StepLog.WIDTH);
        return longer;
      }
      default -> {
        return Arrays.copyOf(v, v.length - 1 - random.nextInt(StepLog.WIDTH - 1));
      }
    }
  }

  private void classes() {
    JsonObject classes = fields.getAsJsonObject("classes");
    List<String> names = new ArrayList<>(classes.keySet());
    String name = names.get(random.nextInt(names.size()));
    String hash = classes.get(name).getAsString();
    addJson("class hash", o -> {
      JsonObject c = o.getAsJsonObject("classes");
      switch (random.nextInt(6)) {
        case 0 -> c.addProperty(name, editText(hash, "0123456789abcdefABCDEF"));
        case 1 -> c.remove(name);
        case 2 -> c.addProperty("dev.weft.samples.Gone" + random.nextInt(3) + "#run", hash);
        case 3 -> c.addProperty(pick(new String[] {"java.lang.String", "dév.X", "a b", "",
            "../etc/passwd", "a..b", "a.b$"}), hash);
        case 4 -> c.add(name, retyped(c.get(name)).get(random.nextInt(7)));
        default -> c.addProperty(name, hash.toUpperCase(java.util.Locale.ROOT));
      }
      return o;
    });
  }

  private void numbers() {
    String name = pick(new String[] {"formatVersion", "seed", "execution", "maxSteps"});
    add("numbers", GSON.toJson(fields).replaceFirst("\"" + name + "\": [^,\n]+",
        Matcher.quoteReplacement("\"" + name + "\": " + pick(NUMBERS))));
    addJson("versions", o -> {
      if (random.nextBoolean()) {
        o.addProperty("formatVersion", pick(new int[] {0, 1, 2, 3, 4, 5, 7, -3}));
      } else {
        o.addProperty("weftVersion", pick(new String[] {"0.0.1", "", "0.1.0", "9.9.9-SNAPSHOT"}));
      }
      return o;
    });
    addJson("failure", o -> {
      if (random.nextBoolean()) {
        o.addProperty("failureKind", pick(new String[] {"DEADLOCK", "EXCEPTION", "LIVELOCK",
            "STUCK", "UNCONTROLLED", "DIVERGED", "PASSED", "exception", "",
            "ＥＸＣＥＰＴＩＯＮ"}));
      } else {
        o.addProperty("spuriousWakeups", random.nextBoolean());
      }
      return o;
    });
  }

  /** A string field set to an odd string: empty, unicode, escapes, control characters, huge. */
  private void strings() {
    String name = pick(new String[] {"format", "weftVersion", "jvm", "test", "classpath",
        "strategy", "failureKind", "failureSummary", "choices", "steps"});
    add("unicode", GSON.toJson(fields).replaceFirst(
        "\"" + name + "\": (\"([^\"\\\\]|\\\\.)*\"|null)",
        Matcher.quoteReplacement("\"" + name + "\": \"" + pick(STRINGS) + "\"")));
  }

  /** Two damages at once, of any of the value kinds. */
  private void combined() {
    List<Mutant> before = new ArrayList<>(out);
    choices();
    classes();
    numbers();
    List<Mutant> made = new ArrayList<>(out.subList(before.size(), out.size()));
    out.subList(before.size(), out.size()).clear();
    JsonObject first = JsonParser.parseString(made.get(random.nextInt(made.size())).text())
        .getAsJsonObject();
    JsonObject second = JsonParser.parseString(made.get(random.nextInt(made.size())).text())
        .getAsJsonObject();
    for (Map.Entry<String, JsonElement> e : second.entrySet()) {
      if (!e.getValue().equals(fields.get(e.getKey()))) first.add(e.getKey(), e.getValue());
    }
    add("combined", GSON.toJson(first));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }
}
