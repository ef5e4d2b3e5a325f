package dev.weft.cli;

import dev.weft.cli.command.MergeCommand;
import dev.weft.cli.command.ReplayCommand;
import dev.weft.cli.command.ReportCommand;
import dev.weft.cli.command.RunCommand;
import dev.weft.cli.launch.ChildJvm;
import dev.weft.cli.launch.LaunchException;
import dev.weft.explorer.explore.WeftVersion;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code weft} command: {@code weft run} explores a main class, {@code weft replay} replays a
 * schedule file it wrote, {@code weft report} writes that file's page and graph again. All do the
 * work in a child JVM with Weft's agent ({@link ChildJvm}).
 *
 * <p>Public API since 0.1: the command line and {@link ExitCode}. {@link #execute} is for tests
 * and embedding; it never calls {@link System#exit}.
 */
@Command(
    name = "weft",
    mixinStandardHelpOptions = true,
    versionProvider = WeftCli.Version.class,
    description = "Explores the thread interleavings of a Java program and replays the failures.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  weft run --classpath target/classes --main com.acme.Main",
      "  weft replay target/weft/com.acme.Main.json",
      "  weft merge target/weft/com.acme.Main.shard-*-of-4.json",
      "  weft run --help",
      "  source <(weft generate-completion)   # completion in bash or zsh"
    })
public final class WeftCli implements Callable<Integer> {
  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /**
   * Runs one {@code weft} command line. The child JVM writes to {@code out} and {@code err}: it
   * inherits them when they are {@link System#out} and {@link System#err}, else its output is
   * copied into them.
   *
   * @return the exit code, one of {@link ExitCode}
   */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** The {@code weft} command line with its commands, handlers and help, ready to run or parse. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    ChildJvm child = new ChildJvm(out, err);
    CommandLine cli = new CommandLine(new WeftCli())
        .addSubcommand(new RunCommand(child))
        .addSubcommand(new ReplayCommand(child))
        .addSubcommand(new ReportCommand(child))
        .addSubcommand(new MergeCommand());
    List<CommandLine> weftCommands = List.of(cli, cli.getSubcommands().get("run"),
        cli.getSubcommands().get("replay"), cli.getSubcommands().get("report"),
        cli.getSubcommands().get("merge"));
    // picocli's own: prints a bash and zsh completion script for weft and its options.
    cli.addSubcommand(new AutoComplete.GenerateCompletion());
    cli.setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler((e, ignored) -> usageError(err, e))
        .setExecutionExceptionHandler((e, command, parsed) -> internalError(err, e));
    for (CommandLine command : weftCommands) describeExitCodes(command);
    return cli;
  }

  /** {@code weft} alone: name a command. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name a command: run, replay, report, merge or generate-completion");
  }

  /** One line: what to fix, and for a malformed command line where the help is. */
  private static int usageError(PrintStream err, ParameterException e) {
    String hint = e instanceof UnmatchedArgumentException || e instanceof MissingParameterException
        ? " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')"
        : "";
    return ExitCode.usage(err, e.getMessage() + hint);
  }

  /** A launch failure says what to do in one line; anything else is a bug in Weft, reported whole. */
  private static int internalError(PrintStream err, Exception e) {
    if (!(e instanceof LaunchException)) return ExitCode.internal(err, e);
    err.println("weft: " + e.getMessage());
    return ExitCode.INTERNAL;
  }

  private static void describeExitCodes(CommandLine command) {
    command.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.descriptions());
  }

  /** {@code weft --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"weft " + WeftVersion.get()};
    }
  }
}
