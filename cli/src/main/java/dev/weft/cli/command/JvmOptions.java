package dev.weft.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --jvm-arg}, shared by {@code weft run} and {@code weft replay}: options for the child JVM
 * the program runs in. Every execution runs in that one JVM, each in a class loader of its own, so
 * a JVM option applies to all of them, and a system property is one the program reads.
 */
final class JvmOptions {
  /** Options that would replace how weft starts its child: its class path or its main. */
  private static final Set<String> REFUSED =
      Set.of("-cp", "-classpath", "--class-path", "-jar", "-m", "--module");
  /** What a shell needs no quotes for, in the replay command printed for the user to paste. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_\\-=.,/:@+%]+");

  @Spec(Spec.Target.MIXEE) private CommandSpec spec;

  @Option(names = "--jvm-arg", paramLabel = "ARG",
      description = "An option for the JVM the program runs in, e.g. --jvm-arg=-Xmx2g or"
          + " --jvm-arg=-Dcom.acme.mode=test; repeatable. Every execution runs in that one JVM.")
  private List<String> jvmArgs = new ArrayList<>();

  /** The options, each checked: the first that weft cannot pass on is a usage error. */
  List<String> jvmArgs() {
    for (String arg : jvmArgs) {
      if (!arg.startsWith("-")) {
        throw new ParameterException(spec.commandLine(), "--jvm-arg takes one JVM option,"
            + " starting with '-' (e.g. --jvm-arg=-Xmx2g), not '" + arg + "'; arguments for the"
            + " program's main go after '--'");
      }
      if (REFUSED.contains(arg.split("[=:]", 2)[0])) {
        throw new ParameterException(spec.commandLine(), "--jvm-arg=" + arg + " would change how"
            + " weft starts the program's JVM; give the program's class path with --classpath");
      }
    }
    return List.copyOf(jvmArgs);
  }

  /** {@code --jvm-arg=...} for each, quoted for a POSIX shell where needed, each after a space. */
  String asCommandLine() {
    StringBuilder s = new StringBuilder();
    for (String arg : jvmArgs) s.append(' ').append(quoted("--jvm-arg=" + arg));
    return s.toString();
  }

  static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
