package dev.weft.cli.child;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's options for the child JVM ({@code --jvm-arg}), handed to the child as one system
 * property so that {@code run} records them in the schedule file and a replay starts its JVM alike.
 * The child cannot tell them from its input arguments, which hold Weft's own options too. Each
 * option is URL-encoded, which leaves no comma in it, and the options are joined by commas.
 */
public final class RecordedJvmArgs {
  /** The system property that holds them. */
  public static final String PROPERTY = "weft.cli.jvmArgs";

  private RecordedJvmArgs() {}

  public static String encode(List<String> jvmArgs) {
    return jvmArgs.stream().map(a -> URLEncoder.encode(a, StandardCharsets.UTF_8))
        .collect(Collectors.joining(","));
  }

  /** The options {@link #encode} wrote; none for null or an empty text. */
  static List<String> decode(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return Arrays.stream(text.split(",")).map(a -> URLDecoder.decode(a, StandardCharsets.UTF_8))
        .toList();
  }
}
