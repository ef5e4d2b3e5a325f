package dev.weft.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which classes the agent instruments, by package prefix.
 *
 * <p>Sources, highest priority first, each key on its own: the agent arguments ({@code
 * include=com.acme,org.foo;exclude=com.acme.gen;races}), then the system properties {@code
 * weft.include}, {@code weft.exclude} (comma-separated) and {@code weft.races}. An empty include list means every class. {@link
 * #NEVER} wins over everything: Weft's own runtime, the JDK and the test and build tooling around a
 * user's program must run uncontrolled.
 *
 * <p>Prefixes are matched on whole name segments: {@code com.acme} matches {@code com.acme.Foo},
 * {@code com.acme.sub.Bar} and the class {@code com.acme} itself (with its nested classes), never
 * {@code com.acmex.Foo}. Immutable and thread-safe.
 *
 * @param include prefixes to instrument, dotted or slashed (kept slashed); empty means all
 * @param exclude prefixes never to instrument on top of {@link #NEVER}, dotted or slashed
 * @param races whether plain field and array accesses are instrumented too, for race detection;
 *     off by default, so that they cost nothing
 */
public record AgentConfig(List<String> include, List<String> exclude, boolean races) {

  /** Packages that are never instrumented, whatever the configuration says. */
  public static final List<String> NEVER =
      List.of(
          "dev.weft.scheduler",
          "dev.weft.agent",
          "dev.weft.explorer",
          "dev.weft.cli",
          "java",
          "javax",
          "jdk",
          "sun",
          "com.sun",
          "org.junit",
          "junit",
          "org.opentest4j",
          "org.apiguardian",
          "org.apache.maven",
          "picocli",
          "com.google.gson",
          "net.bytebuddy",
          "org.jgrapht",
          "org.jacoco",
          "org.objectweb.asm",
          "kotlin",
          "org.jetbrains");

  private static final List<String> NEVER_INTERNAL = toInternal(NEVER);

  public AgentConfig {
    include = toInternal(include);
    exclude = toInternal(exclude);
  }

  /** Without race detection. */
  public AgentConfig(List<String> include, List<String> exclude) {
    this(include, exclude, false);
  }

  /** Reads the agent arguments (may be null or empty) and falls back on the system properties. */
  public static AgentConfig from(String agentArgs, Properties systemProperties) {
    String include = systemProperties.getProperty("weft.include", "");
    String exclude = systemProperties.getProperty("weft.exclude", "");
    boolean races = Boolean.parseBoolean(systemProperties.getProperty("weft.races", "false"));
    if (agentArgs != null) {
      for (String option : agentArgs.split(";")) {
        int eq = option.indexOf('=');
        String key = (eq < 0 ? option : option.substring(0, eq)).strip();
        String value = eq < 0 ? "" : option.substring(eq + 1);
        switch (key) {
          case "include" -> include = value;
          case "exclude" -> exclude = value;
          case "races" -> races = value.isEmpty() || Boolean.parseBoolean(value);
          case "" -> {}
          default -> System.err.println("[weft-agent] ignoring unknown agent option: " + key);
        }
      }
    }
    return new AgentConfig(splitPrefixes(include), splitPrefixes(exclude), races);
  }

  /** Whether the class with this internal name ({@code com/acme/Foo}) is to be instrumented. */
  public boolean instruments(String internalName) {
    return !matchesAny(NEVER_INTERNAL, internalName)
        && !matchesAny(exclude, internalName)
        && (include.isEmpty() || matchesAny(include, internalName));
  }

  private static boolean matchesAny(List<String> prefixes, String name) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        // The prefix must end on a segment boundary: "com/acme" does not cover "com/acmex".
        if (name.length() == prefix.length() || prefix.endsWith("/")) return true;
        char next = name.charAt(prefix.length());
        if (next == '/' || next == '$') return true;
      }
    }
    return false;
  }

  private static List<String> splitPrefixes(String commaSeparated) {
    List<String> prefixes = new ArrayList<>();
    for (String prefix : commaSeparated.split(",")) {
      if (!prefix.isBlank()) prefixes.add(prefix.strip());
    }
    return prefixes;
  }

  private static List<String> toInternal(List<String> prefixes) {
    return prefixes.stream().map(p -> p.replace('.', '/')).toList();
  }
}
