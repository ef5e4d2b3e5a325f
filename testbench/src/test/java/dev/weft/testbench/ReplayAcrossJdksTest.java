package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every buggy program of the corpus, found on this test's JDK, replays on the other one (17 and 25)
 * to the same failure and the same trace, character for character; and the other way round.
 */
class ReplayAcrossJdksTest {
  private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path dir;

  @Test
  void schedulesFoundOnOneJdkReplayToTheSameTraceOnTheOther() throws Exception {
    Path here = Path.of(System.getProperty("java.home"), "bin", "java");
    boolean on25 = Runtime.version().feature() >= 25;
    Path other = on25 ? JDK17 : JDK25;
    Assumptions.assumeTrue(Files.isExecutable(other), "no second JDK at " + other);
    // Only the programs both JDKs explore: not those on virtual threads, which need JDK 24+.
    String oldest = Integer.toString(Math.min(Runtime.version().feature(), on25 ? 17 : 25));
    for (Path[] pair : new Path[][] {{here, other}, {other, here}}) {
      Path round = Files.createDirectories(dir.resolve("round" + (pair[0] == here ? 1 : 2)));
      run(pair[0], "find", round, oldest);
      run(pair[1], "replay", round, oldest);
    }
  }

  private static void run(Path java, String mode, Path dir, String oldest)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:off", "-ea"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-javaagent:")) command.add(arg);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        TraceDump.class.getName(), mode, dir.toString(), oldest));
    Path log = dir.resolve(mode + ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) p.destroyForcibly();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), java + " " + mode + ":\n" + output);
  }
}
