package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-complete on a {@link CompletableFuture}: a request goes to two replicas at once with
 * {@code supplyAsync} on the common pool, and the first reply answers it and is billed. Each reply
 * checks {@code isDone}, then completes the answer and bills; both can pass the check before either
 * completes, and the request is billed twice. Only {@code complete}'s result says who won.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class HedgedRequest {
  /** What a reply does with the answer and the bill. */
  interface Delivery {
    void deliver(CompletableFuture<String> answer, String reply, AtomicInteger billed);
  }

  static void request(Delivery delivery) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    AtomicInteger billed = new AtomicInteger();
    CompletableFuture<Void> primary = CompletableFuture.supplyAsync(() -> "primary")
        .thenAccept(reply -> delivery.deliver(answer, reply, billed));
    CompletableFuture<Void> backup = CompletableFuture.supplyAsync(() -> "backup")
        .thenAccept(reply -> delivery.deliver(answer, reply, billed));
    CompletableFuture.allOf(primary, backup).join();
    assert billed.get() == 1 : "answered by " + answer.join() + ", billed " + billed.get() + " times";
  }

  public static void main(String[] args) {
    request((answer, reply, billed) -> {
      if (!answer.isDone()) {
        answer.complete(reply);
        billed.incrementAndGet();
      }
    });
  }
}
