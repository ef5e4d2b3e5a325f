package dev.weft.cli.command;

import dev.weft.cli.child.ChildMain;
import dev.weft.cli.launch.ChildJvm;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft report}: writes the HTML page and the happens-before graph of a schedule file again,
 * beside it, by replaying it with tracing on: after the page was deleted, or to see it as this
 * version of Weft draws it.
 *
 * <p>Internal: the API is the command line, documented by {@code weft report --help}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Replays the failing execution recorded in a schedule file and writes its report again"
          + " beside it: the HTML page (CLASS.html) and the happens-before graph (CLASS.dot,"
          + " CLASS.graph.json).",
    },
    footerHeading = "%nExample:%n",
    footer = "  weft report target/weft/com.acme.Main.json")
public final class ReportCommand implements Callable<Integer> {
  private final ChildJvm child;

  @Mixin private RecordedProgram program;

  @Mixin private PackageFilter packages;

  @Mixin private JvmOptions jvm;

  public ReportCommand(ChildJvm child) {
    this.child = child;
  }

  @Override
  public Integer call() {
    RecordedProgram.Child report = program.child(ChildMain.REPORT, packages, jvm);
    return child.run(report.jvmArgs(), report.properties(), report.args());
  }
}
