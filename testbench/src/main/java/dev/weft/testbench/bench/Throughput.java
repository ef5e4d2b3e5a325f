package dev.weft.testbench.bench;

import dev.weft.scheduler.race.RaceRules;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.Pct;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.strategy.dfs.Dfs;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.Locale;
import java.util.Set;

/**
 * Executions per second of one corpus program under Weft, against the same program run plainly
 * (its main on a fresh thread, joined) in the same JVM and the same run. Unlike an exploration,
 * it does not stop at the first bug: every execution counts, failing or not.
 *
 * <pre>
 * java -Xshare:off -javaagent:agent/target/weft-agent.jar -ea \
 *     -cp "testbench/target/classes:$(cat testbench/target/bench.classpath)" \
 *     dev.weft.testbench.bench.Throughput LostUpdate random 20000 5
 * </pre>
 *
 * Arguments: program (simple name in the corpus), strategy ({@code random}, {@code pct}, {@code
 * dfs}, or {@code dfs-plain} for systematic search without partial-order reduction), executions per
 * round (a systematic search stops earlier when it has explored everything), rounds, and optionally
 * {@code races}: then each round also runs Weft with race detection on, and gives its time over
 * Weft's without (the agent must have its {@code races} option: {@code weft-agent.jar=races}). The
 * first round warms the JIT and is not reported.
 */
public final class Throughput {
  private Throughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && !(args.length == 5 && args[4].equals("races"))) {
      System.err.println(
          "usage: Throughput PROGRAM random|pct|dfs|dfs-plain EXECUTIONS ROUNDS [races]");
      System.exit(2);
    }
    Program program = Corpus.named(args[0]);
    String strategyName = args[1];
    int executions = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    ExecutionConfig config = new ExecutionConfig(20_000, 10_000_000_000L, false, false)
        .withClassesReloaded(program.freshClasses());
    ExecutionConfig races = args.length == 5
        ? new ExecutionConfig(20_000, 10_000_000_000L, false, false,
            new RaceRules(Set.copyOf(program.benignRaces())))
            .withClassesReloaded(program.freshClasses())
        : null;
    System.out.printf("%s, %s, %d executions per round%n", program.name(), strategyName, executions);
    for (int round = 0; round <= rounds; round++) {
      double plain = plainPerSecond(program, executions);
      Rate weft = rate(program, config, strategyName, executions, round);
      Rate detecting = races == null ? null : rate(program, races, strategyName, executions, round);
      if (round == 0) continue; // warm-up
      System.out.printf(Locale.ROOT,
          "round %d: weft %d executions%s, %.0f exec/s, %.0f steps/s, %.1f steps/exec, %d bugs;"
              + " plain %.0f exec/s; weft/plain time %.2f%n",
          round, weft.executions, weft.exhausted ? " (search exhausted)" : "", weft.perSecond(),
          weft.steps / weft.seconds, weft.steps / (double) weft.executions, weft.bugs, plain,
          plain / weft.perSecond());
      if (detecting != null) {
        System.out.printf(Locale.ROOT,
            "  with race detection: %.0f exec/s, %d bugs; time over weft without it %.2f%n",
            detecting.perSecond(), detecting.bugs, weft.perSecond() / detecting.perSecond());
      }
    }
  }

  private record Rate(int executions, long steps, int bugs, double seconds, boolean exhausted) {
    double perSecond() {
      return executions / seconds;
    }
  }

  private static Rate rate(Program program, ExecutionConfig config, String strategyName,
      int executions, int round) {
    Strategy strategy = strategy(strategyName);
    long steps = 0;
    int bugs = 0;
    int ran = 0;
    long start = System.nanoTime();
    Task task = program.body()::run;
    for (int i = 0; i < executions && strategy.hasNextExecution(); i++, ran++) {
      ExecutionResult r = Scheduler.execute(config, strategy, ((long) round << 32) + i, task);
      steps += r.steps();
      if (r.outcome().isBug()) bugs++;
    }
    return new Rate(ran, steps, bugs, (System.nanoTime() - start) / 1e9,
        !strategy.hasNextExecution());
  }

  private static Strategy strategy(String name) {
    return switch (name) {
      case "random" -> new RandomWalk();
      case "pct" -> new Pct(3, 50);
      case "dfs" -> new Dfs(true, -1, false);
      case "dfs-plain" -> new Dfs(false, -1, false);
      default -> throw new IllegalArgumentException(
          "unknown strategy " + name + "; use random, pct, dfs or dfs-plain");
    };
  }

  private static double plainPerSecond(Program program, int executions) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < executions; i++) {
      Thread t = new Thread(() -> {
        try {
          program.runMain();
        } catch (Throwable e) {
          // a plain run of a buggy program may fail; only its time matters here
        }
      });
      t.start();
      t.join();
    }
    return executions / ((System.nanoTime() - start) / 1e9);
  }
}
