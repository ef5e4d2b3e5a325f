package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Random histories of an object: threads' calls interleaved at random, each taking effect on a
 * real sequential object at a random moment between its invocation and its response, so the
 * results are those of a linearizable object; then, half the time, one result is changed, which
 * may or may not break linearizability (the brute-force check decides).
 */
final class RandomHistories {
  private RandomHistories() {}

  /** An operation and its arguments, as drawn. */
  record Drawn(String operation, List<Object> arguments) {}

  /** What histories are made of: how to draw a call, its real effect, and a changed result. */
  record Workload<M>(SequentialSpec<M> spec, Function<Random, Drawn> draw,
      BiFunction<Random, String, Object> changedResult) {}

  /** {@code offer} of 0, 1 or 2 and {@code poll}, on {@link LinearizabilityCheckerTest#QUEUE}. */
  static final Workload<?> QUEUE = new Workload<>(LinearizabilityCheckerTest.QUEUE,
      random -> random.nextBoolean() ? new Drawn("offer", List.of(random.nextInt(3)))
          : new Drawn("poll", List.of()),
      (random, operation) -> operation.equals("offer") ? true : someValueOrNull(random));

  /** A map over {@code keys} keys: {@code put(k, v)} with v of 0, 1 or 2, {@code get}, {@code remove}. */
  static Workload<HashMap<Integer, Integer>> map(int keys) {
    return new Workload<>(MAP, random -> switch (random.nextInt(3)) {
      case 0 -> new Drawn("put", List.of(random.nextInt(keys), random.nextInt(3)));
      case 1 -> new Drawn("get", List.of(random.nextInt(keys)));
      default -> new Drawn("remove", List.of(random.nextInt(keys)));
    }, (random, operation) -> someValueOrNull(random));
  }

  /** A map: {@code put} and {@code remove} return the previous value, {@code get} the value. */
  static final SequentialSpec<HashMap<Integer, Integer>> MAP = SequentialSpec.of(
      HashMap::new, HashMap::new, Map::copyOf, (map, call) -> {
        Integer key = (Integer) call.arguments().get(0);
        return switch (call.operation()) {
          case "put" -> map.put(key, (Integer) call.arguments().get(1));
          case "get" -> map.get(key);
          case "remove" -> map.remove(key);
          default -> throw new IllegalArgumentException(call.operation());
        };
      });

  /** A history of the queue. */
  static List<Call> queue(Random random, int threads, int callsPerThread) {
    return of(random, threads, callsPerThread, QUEUE);
  }

  static <M> List<Call> of(Random random, int threads, int callsPerThread, Workload<M> workload) {
    // Each thread's events in its own order: invoke, effect, respond, for each of its calls.
    int[] next = new int[threads];
    int[] phase = new int[threads];
    int[] current = new int[threads];
    List<Drawn> drawn = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<Integer> invoked = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    List<Integer> responded = new ArrayList<>();
    M object = workload.spec().fresh();
    int events = 0;
    int remaining = threads * callsPerThread * 3;
    while (remaining-- > 0) {
      int t = pickThread(random, next, callsPerThread);
      switch (phase[t]) {
        case 0 -> {
          current[t] = drawn.size();
          drawn.add(workload.draw().apply(random));
          owners.add(t);
          invoked.add(events++);
          results.add(null);
          responded.add(-1);
        }
        case 1 -> {
          Drawn d = drawn.get(current[t]);
          results.set(current[t], workload.spec().apply(object,
              new Call(current[t], t, d.operation(), d.arguments(), null, 0, 1)));
        }
        default -> {
          responded.set(current[t], events++);
          next[t]++;
        }
      }
      phase[t] = (phase[t] + 1) % 3;
    }
    if (random.nextBoolean() && !results.isEmpty()) {
      int id = random.nextInt(results.size());
      results.set(id, workload.changedResult().apply(random, drawn.get(id).operation()));
    }
    List<Call> calls = new ArrayList<>();
    for (int id = 0; id < drawn.size(); id++) {
      calls.add(new Call(id, owners.get(id), drawn.get(id).operation(), drawn.get(id).arguments(),
          results.get(id), invoked.get(id), responded.get(id)));
    }
    return calls;
  }

  private static Object someValueOrNull(Random random) {
    int value = random.nextInt(4);
    return value == 3 ? null : value;
  }

  private static int pickThread(Random random, int[] next, int callsPerThread) {
    List<Integer> live = new ArrayList<>();
    for (int t = 0; t < next.length; t++) if (next[t] < callsPerThread) live.add(t);
    return live.get(random.nextInt(live.size()));
  }
}
