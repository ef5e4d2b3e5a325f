package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.shard.Shard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.ParseResult;

/**
 * The scale-out examples in docs/examples are real: the Kubernetes Indexed Job and the GitHub
 * Actions matrix run every shard of one run, each with a command line weft's own parser accepts,
 * and their merge step reads exactly the files the shards write.
 */
class ScaleOutExamplesTest {
  /** docs/examples: the tests run in target/test-work, so the build says where it is. */
  private static final Path EXAMPLES = Path.of(System.getProperty("weft.docs.examples"));
  private static final Pattern WEFT = Pattern.compile("java -jar \\S+weft\\.jar (.*?)(;|\\|\\||$)");

  @Test
  void theIndexedJobRunsEveryShardAndMergesThem() throws IOException {
    List<Map<String, Object>> documents = documents("weft-shards-job.yaml");
    Map<String, Object> shards = documents.get(0);
    Map<String, Object> spec = map(shards, "spec");
    assertEquals("Job", shards.get("kind"));
    assertEquals("Indexed", spec.get("completionMode"));
    int count = (Integer) spec.get("completions");
    assertEquals(count, spec.get("parallelism"));
    String script = only(container(spec).get("args"));
    List<String> results = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      // What the shell makes of the script in the pod whose JOB_COMPLETION_INDEX is index.
      String pod = script.replace("$((JOB_COMPLETION_INDEX + 1))", Integer.toString(index + 1));
      results.add(assertShard(weftArgs(pod), new Shard(index + 1, count)));
    }
    Map<String, Object> merge = documents.get(1);
    assertEquals("Job", merge.get("kind"));
    assertMerges(weftArgs(only(container(map(merge, "spec")).get("args"))), results);
  }

  @Test
  void theActionsMatrixRunsEveryShardAndMergesThem() throws IOException {
    Map<String, Object> workflow = documents("weft-shards-workflow.yml").get(0);
    Map<String, Object> jobs = map(workflow, "jobs");
    Map<String, Object> shardJob = map(jobs, "shard");
    List<?> matrix = (List<?>) map(map(shardJob, "strategy"), "matrix").get("shard");
    String script = runStep(shardJob, "weft.jar run");
    List<String> results = new ArrayList<>();
    for (Object k : matrix) {
      String job = script.replace("${{ matrix.shard }}", k.toString());
      results.add(assertShard(weftArgs(job), new Shard((Integer) k, matrix.size())));
    }
    assertEquals(matrix.size(), results.size());
    Map<String, Object> merge = map(jobs, "merge");
    assertEquals("shard", merge.get("needs"));
    assertMerges(weftArgs(runStep(merge, "weft.jar merge")), results);
  }

  /** Parses a {@code weft run} command line as weft would; returns its shard result file. */
  private static String assertShard(String[] args, Shard shard) {
    ParseResult parsed = parse(args).subcommand();
    assertEquals("run", parsed.commandSpec().name());
    assertEquals(shard, parsed.matchedOptionValue("--shard", null), String.join(" ", args));
    assertTrue(parsed.hasMatchedOption("--strategy"), "a shard names its strategy");
    return parsed.matchedOptionValue("--shard-result", null).toString();
  }

  private static void assertMerges(String[] args, List<String> results) {
    ParseResult parsed = parse(args).subcommand();
    assertEquals("merge", parsed.commandSpec().name());
    List<String> files = new ArrayList<>();
    for (Object file : (List<?>) parsed.matchedPositional(0).getValue()) {
      files.add(file.toString());
    }
    assertEquals(results, files, "the merge reads the file of every shard");
  }

  private static ParseResult parse(String[] args) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    return WeftCli.commandLine(quiet, quiet).parseArgs(args);
  }

  /** The arguments of the {@code java -jar .../weft.jar} command in a shell script. */
  private static String[] weftArgs(String script) {
    Matcher m = WEFT.matcher(script.replace('\n', ' '));
    assertTrue(m.find(), "a weft command in: " + script);
    return m.group(1).strip().split("\\s+");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(String file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object d : new Yaml().loadAll(Files.readString(EXAMPLES.resolve(file)))) {
      documents.add((Map<String, Object>) d);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> jobSpec) {
    Map<String, Object> pod = map(map(jobSpec, "template"), "spec");
    return ((List<Map<String, Object>>) pod.get("containers")).get(0);
  }

  private static String only(Object list) {
    List<?> items = (List<?>) list;
    assertEquals(1, items.size(), "one script: " + items);
    return items.get(0).toString();
  }

  @SuppressWarnings("unchecked")
  private static String runStep(Map<String, Object> job, String containing) {
    for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
      Object run = step.get("run");
      if (run != null && run.toString().contains(containing)) return run.toString();
    }
    throw new AssertionError("no step runs " + containing + " in " + job);
  }
}
