package dev.weft.explorer.linearizability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random histories of a queue: threads' calls interleaved at random, each taking effect at a
 * random moment between its invocation and its response, so the results are those of a real
 * linearizable queue; then, half the time, one result is changed, which may or may not break
 * linearizability (the brute-force check decides).
 */
final class RandomHistories {
  private RandomHistories() {}

  static List<Call> queue(Random random, int threads, int callsPerThread) {
    // Each thread's events in its own order: invoke, effect, respond, for each of its calls.
    int[] next = new int[threads];
    int[] phase = new int[threads];
    int[] current = new int[threads];
    List<String> operations = new ArrayList<>();
    List<List<Object>> arguments = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<Integer> invoked = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    List<Integer> responded = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int events = 0;
    int remaining = threads * callsPerThread * 3;
    while (remaining-- > 0) {
      int t = pickThread(random, next, phase, callsPerThread);
      switch (phase[t]) {
        case 0 -> {
          boolean offer = random.nextBoolean();
          current[t] = operations.size();
          operations.add(offer ? "offer" : "poll");
          arguments.add(offer ? List.of(random.nextInt(3)) : List.of());
          owners.add(t);
          invoked.add(events++);
          results.add(null);
          responded.add(-1);
        }
        case 1 -> {
          int id = current[t];
          results.set(id, operations.get(id).equals("offer")
              ? queue.offer((Integer) arguments.get(id).get(0)) : queue.poll());
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
      results.set(id, operations.get(id).equals("offer") ? true : pollResult(random));
    }
    List<Call> calls = new ArrayList<>();
    for (int id = 0; id < operations.size(); id++) {
      calls.add(new Call(id, owners.get(id), operations.get(id), arguments.get(id),
          results.get(id), invoked.get(id), responded.get(id)));
    }
    return calls;
  }

  private static Object pollResult(Random random) {
    int value = random.nextInt(4);
    return value == 3 ? null : value;
  }

  private static int pickThread(Random random, int[] next, int[] phase, int callsPerThread) {
    List<Integer> live = new ArrayList<>();
    for (int t = 0; t < next.length; t++) if (next[t] < callsPerThread) live.add(t);
    return live.get(random.nextInt(live.size()));
  }
}
