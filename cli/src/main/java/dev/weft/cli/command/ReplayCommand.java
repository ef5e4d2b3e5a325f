package dev.weft.cli.command;

import dev.weft.cli.child.ChildMain;
import dev.weft.cli.launch.ChildJvm;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft replay}: replays a schedule file written by {@code weft run}, in a child JVM, against
 * the main class it names.
 *
 * <p>Internal: the API is the command line, documented by {@code weft replay --help}.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replays the failing execution recorded in a schedule file, step by step, and"
        + " prints its trace.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  weft replay target/weft/com.acme.Main.json",
      "  weft replay target/weft/com.acme.Main.json --classpath build/classes",
      "  weft replay target/weft/com.acme.Main.json --jvm-arg=-Xmx1g"
    })
public final class ReplayCommand implements Callable<Integer> {
  private final ChildJvm child;

  @Mixin private RecordedProgram program;

  @Mixin private PackageFilter packages;

  @Mixin private JvmOptions jvm;

  public ReplayCommand(ChildJvm child) {
    this.child = child;
  }

  @Override
  public Integer call() {
    RecordedProgram.Child replay = program.child(ChildMain.REPLAY, packages, jvm);
    return child.run(replay.jvmArgs(), replay.properties(), replay.args());
  }
}
