package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each command's help ends with examples, and weft prints a shell completion script. */
class HelpAndCompletionTest {
  @ParameterizedTest
  @CsvSource({
    "'', weft run --classpath target/classes --main com.acme.Main",
    "run, weft run --classpath app.jar --main com.acme.Main -- --port 0",
    "replay, weft replay target/weft/com.acme.Main.json --classpath build/classes",
    "report, weft report target/weft/com.acme.Main.json"
  })
  void helpEndsWithExamples(String command, String example) {
    CliRun r = command.isEmpty() ? weft("--help") : weft(command, "--help");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    int heading = r.out().indexOf(command.equals("report") ? "\nExample:\n" : "\nExamples:\n");
    assertTrue(heading > 0 && r.out().indexOf("\n  " + example + "\n") > heading, r::toString);
  }

  @Test
  void runHelpNamesEveryMemberOfThePortfolio() {
    CliRun r = weft("run", "--help");
    // Line breaks fall anywhere in picocli's layout: compare the words alone.
    String words = r.out().replaceAll("\\s+", " ");
    assertTrue(words.contains("default portfolio: random, pct, pos, surw and dfs taking turns"),
        r::toString);
  }

  @Test
  void generateCompletionPrintsAScriptForEveryCommandAndOption() {
    CliRun r = weft("generate-completion");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r::toString);
    assertTrue(r.out().contains("complete -F _complete_weft"), r::toString);
    for (String word : new String[] {"run", "replay", "report", "--classpath", "--show-output",
        "--exclude", "--jvm-arg"}) {
      assertTrue(r.out().contains(word), word);
    }
  }
}
