package dev.weft.cli.command;

import dev.weft.cli.child.ChildMain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --include} and {@code --exclude}, shared by the commands that run the program: which of
 * its packages the child's agent instruments. They reach the agent as the {@code weft.include} and
 * {@code weft.exclude} system properties it reads. A schedule does not record them, since its
 * replay needs the same scheduling points: the replay command weft prints repeats them.
 */
final class PackageFilter {
  /** A package name: Java identifiers joined by dots. */
  private static final Pattern PACKAGE =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
          + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  @Spec(Spec.Target.MIXEE) private CommandSpec spec;

  @Option(names = "--include", paramLabel = "PACKAGE", split = ",",
      description = "Instrument only the classes of this package and its subpackages, e.g."
          + " com.acme; repeatable. By default every class of the program is instrumented.")
  private List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "PACKAGE", split = ",",
      description = "Do not instrument the classes of this package and its subpackages, e.g."
          + " com.acme.logging: what they do is not a scheduling point, so no interleaving"
          + " inside them is explored; repeatable.")
  private List<String> exclude = new ArrayList<>();

  /** The child's system properties for the agent; a malformed package is a usage error. */
  void addTo(Map<String, String> properties) {
    if (!include.isEmpty()) properties.put("weft.include", checked("--include", include));
    if (!exclude.isEmpty()) properties.put("weft.exclude", checked("--exclude", exclude));
    if (!include.isEmpty() || !exclude.isEmpty()) {
      properties.put(ChildMain.INSTRUMENTED, describe());
    }
  }

  /** {@code --include=...} and {@code --exclude=...} as given, each after a space. */
  String asCommandLine() {
    StringBuilder s = new StringBuilder();
    for (String p : include) s.append(' ').append(JvmOptions.quoted("--include=" + p));
    for (String p : exclude) s.append(' ').append(JvmOptions.quoted("--exclude=" + p));
    return s.toString();
  }

  /** What a run says it left out, so that its verdict is read with that in mind. */
  private String describe() {
    StringBuilder s = new StringBuilder();
    if (!include.isEmpty()) {
      s.append("Instrumented: only the classes of ").append(String.join(", ", include))
          .append(" (--include). ");
    }
    if (!exclude.isEmpty()) {
      s.append("Not instrumented: the classes of ").append(String.join(", ", exclude))
          .append(" (--exclude). ");
    }
    return s.append("What uninstrumented classes do is not a scheduling point: no interleaving"
        + " inside them was explored.").toString();
  }

  private String checked(String option, List<String> packages) {
    for (String p : packages) {
      if (!PACKAGE.matcher(p).matches()) {
        throw new ParameterException(spec.commandLine(), option + " takes a package name such as"
            + " com.acme.util, not '" + p + "'");
      }
    }
    return String.join(",", packages);
  }
}
