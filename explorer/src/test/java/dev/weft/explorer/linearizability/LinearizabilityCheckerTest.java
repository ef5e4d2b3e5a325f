package dev.weft.explorer.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checker against a brute-force enumeration of every order on thousands of small random
 * histories of a queue, half of them made non-linearizable on purpose; its evidence; and the
 * memoisation that keeps long histories cheap.
 */
class LinearizabilityCheckerTest {
  /** A FIFO queue of small integers: {@code offer(x)} returns true, {@code poll()} the head. */
  static final SequentialSpec<ArrayDeque<Integer>> QUEUE = SequentialSpec.of(
      ArrayDeque::new, ArrayDeque::new, List::copyOf, (queue, call) -> switch (call.operation()) {
        case "offer" -> queue.offer((Integer) call.arguments().get(0));
        case "poll" -> queue.poll();
        default -> throw new IllegalArgumentException(call.operation());
      });

  @Test
  void agreesWithEveryOrderEnumeratedOnSmallRandomHistories() {
    Random random = new Random(20261204);
    int linearizable = 0;
    int histories = 3_000;
    for (int h = 0; h < histories; h++) {
      List<Call> calls = RandomHistories.queue(random, 2 + random.nextInt(2), 1 + random.nextInt(3));
      boolean expected = BruteForce.explained(QUEUE, calls, Call::precedes);
      Verdict verdict = LinearizabilityChecker.check(QUEUE, calls);
      assertEquals(expected, verdict.linearizable(), () -> "history " + calls);
      if (verdict.linearizable()) {
        linearizable++;
        assertWitness(calls, verdict.order());
      }
    }
    // Both answers are common (a changed result is often still possible), so neither half of the
    // comparison is thin.
    assertTrue(linearizable > histories / 10 && linearizable < histories * 9 / 10,
        linearizable + " of " + histories + " linearizable");
  }

  @Test
  void theReportedPrefixIsTheShortestWithoutALinearizationOnSmallRandomHistories() {
    Random random = new Random(20261205);
    int notLinearizable = 0;
    int cutShort = 0;
    for (int h = 0; h < 3_000; h++) {
      List<Call> calls = RandomHistories.queue(random, 2 + random.nextInt(2), 1 + random.nextInt(3));
      Verdict verdict = LinearizabilityChecker.check(QUEUE, calls);
      if (verdict.linearizable()) {
        assertNull(verdict.prefixEnd());
        continue;
      }
      notLinearizable++;
      Call end = verdict.prefixEnd();
      assertNotNull(end, () -> "history " + calls);
      assertFalse(BruteForce.prefixExplained(QUEUE, calls, end), () -> "history " + calls);
      // The prefix one response shorter has a linearization.
      calls.stream().filter(c -> c.responded() < end.responded())
          .max(java.util.Comparator.comparingInt(Call::responded))
          .ifPresent(before -> assertTrue(BruteForce.prefixExplained(QUEUE, calls, before),
              () -> "history " + calls + ", prefix to " + before));
      if (calls.stream().anyMatch(c -> c.responded() > end.responded())) cutShort++;
    }
    assertTrue(notLinearizable > 300, notLinearizable + " not linearizable");
    // Many failures show before the history ends, so the prefixes are really put to the test.
    assertTrue(cutShort > notLinearizable / 4, cutShort + " of " + notLinearizable + " cut short");
  }

  @Test
  void aLongHistoryThatGoesWrongEarlyIsReportedWhereItDid() {
    // 3 threads of 200 calls each, a real queue's results, but the first poll returns 9, which no
    // offer ever gave: the history goes wrong there, whatever the calls after it do.
    List<Call> calls = new ArrayList<>(RandomHistories.queue(new Random(11), 3, 200));
    Call firstPoll = calls.stream().filter(c -> c.operation().equals("poll")).findFirst()
        .orElseThrow();
    Call wrong = new Call(firstPoll.id(), firstPoll.thread(), "poll", List.of(), 9,
        firstPoll.invoked(), firstPoll.responded());
    calls.set(firstPoll.id(), wrong);
    Verdict verdict = LinearizabilityChecker.check(QUEUE, calls);
    assertFalse(verdict.linearizable());
    assertEquals(wrong, verdict.prefixEnd(), verdict.explanation());
    assertTrue(verdict.explanation().startsWith("No sequential order of these calls gives each the"
        + " result it returned, already up to the response of " + wrong), verdict.explanation());
  }

  @Test
  void aPollThatMissesAnEarlierOfferIsExplained() {
    // T0 offers 1 and returns; only then does T1 poll, and it finds the queue empty.
    List<Call> calls = List.of(
        new Call(0, 0, "offer", List.of(1), true, 0, 1),
        new Call(1, 1, "poll", List.of(), null, 2, 3));
    Verdict verdict = LinearizabilityChecker.check(QUEUE, calls);
    assertFalse(verdict.linearizable());
    assertEquals(List.of(calls.get(0)), verdict.order());
    assertEquals(List.of(new Verdict.Candidate(calls.get(1), 1)), verdict.stuck());
    assertTrue(verdict.explanation().contains(
        "T1 poll() = null, but the specification returns 1"), verdict.explanation());
  }

  @Test
  void overlappingCallsMayTakeEitherOrder() {
    // The poll overlaps the offer, so it may come first and find the queue empty.
    List<Call> calls = List.of(
        new Call(0, 0, "offer", List.of(1), true, 0, 2),
        new Call(1, 1, "poll", List.of(), null, 1, 3));
    Verdict verdict = LinearizabilityChecker.check(QUEUE, calls);
    assertTrue(verdict.linearizable());
    assertEquals(List.of(calls.get(1), calls.get(0)), verdict.order());
    assertEquals("", verdict.explanation());
  }

  @Test
  void memoisationKeepsALongHistoryToFewStates() {
    // 3 threads, 100 calls each, always overlapping their neighbours: without memoisation the
    // orders to try grow exponentially; with it, the states are bounded by the history's width.
    List<Call> calls = RandomHistories.queue(new Random(7), 3, 100);
    Verdict verdict = LinearizabilityChecker.check(QUEUE, calls);
    assertTrue(verdict.linearizable() || !verdict.stuck().isEmpty(), verdict.explanation());
    assertTrue(verdict.statesExplored() < 100_000, verdict.statesExplored() + " states");
  }

  /** The witness respects real time and gives every call its result. */
  private static void assertWitness(List<Call> calls, List<Call> order) {
    assertEquals(calls.size(), order.size());
    ArrayDeque<Integer> model = new ArrayDeque<>();
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        assertFalse(order.get(j).precedes(order.get(i)), "order breaks real time: " + order);
      }
      assertEquals(order.get(i).result(), QUEUE.apply(model, order.get(i)), "order " + order);
    }
  }
}
