package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@link ConcurrentWorkload}s of a {@link ConcurrentPattern}: each role's threads call
 * the operation given for that role. Made by {@link Gen#concurrentPattern}.
 *
 * <pre>{@code
 * Gen<ConcurrentWorkload<Buffer>> workloads = Gen.<Buffer>concurrentPattern(PRODUCER_CONSUMER)
 *     .role("producer", produce).role("consumer", consume)
 *     .threads(new ThreadDistribution(1, 2, 1, 3))
 *     .gen();
 * }</pre>
 *
 * <p>Threads come role by role, in {@link ConcurrentPattern#roleNames()}'s order ({@code t1} the
 * first producer). A role of many threads (producers, consumers, readers, writers, workers) has the
 * distribution's threads, and each of its threads the distribution's operations; a submitter or a
 * pipeline stage has one thread of the distribution's operations; a collector one thread of one
 * call. A workload shrinks as {@link ConcurrentOperations}' do (fewer threads, then fewer
 * operations, then smaller arguments) but no role below its minimum, so the shape stays valid.
 * Operations should not block waiting for another role (offer and poll rather than put and take):
 * the shape does not balance them.
 *
 * <p>Public API since 0.2. Immutable: every method returns a new builder.
 */
public final class PatternOperations<S> {
  /** 1 to 2 threads per role of many, 1 to 4 operations per thread. */
  public static final ThreadDistribution DEFAULT = new ThreadDistribution(1, 2, 1, 4);

  private record Given<S>(ConcurrentPattern.Role role, WorkloadOperation<S> operation) {}

  private final ConcurrentPattern pattern;
  private final List<Given<S>> given;
  private final ThreadDistribution distribution;

  private PatternOperations(ConcurrentPattern pattern, List<Given<S>> given,
      ThreadDistribution distribution) {
    this.pattern = pattern;
    this.given = List.copyOf(given);
    this.distribution = distribution;
  }

  static <S> PatternOperations<S> of(ConcurrentPattern pattern) {
    return new PatternOperations<>(Objects.requireNonNull(pattern, "pattern"), List.of(), DEFAULT);
  }

  /**
   * The operation the threads of {@code role} call; for a {@link ConcurrentPattern#PIPELINE}, each
   * call adds the next stage.
   *
   * @throws IllegalArgumentException when the pattern has no such role, or it has an operation
   *     already
   */
  public PatternOperations<S> role(String role, WorkloadOperation<S> operation) {
    Objects.requireNonNull(operation, "operation");
    ConcurrentPattern.Role r = pattern.roles().stream().filter(x -> x.name().equals(role))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(pattern + " has the roles "
            + pattern.roleNames() + ", not '" + role + "'"));
    if (!pattern.repeatsItsRole() && given.stream().anyMatch(g -> g.role().equals(r))) {
      throw new IllegalArgumentException(pattern + " has an operation for role '" + role
          + "' already");
    }
    List<Given<S>> more = new ArrayList<>(given);
    more.add(new Given<>(r, operation));
    return new PatternOperations<>(pattern, more, distribution);
  }

  /**
   * Threads per role of many, and operations per thread of every role but a collector; {@link
   * #DEFAULT} by default.
   */
  public PatternOperations<S> threads(ThreadDistribution d) {
    return new PatternOperations<>(pattern, given, Objects.requireNonNull(d, "distribution"));
  }

  /**
   * The generator of the pattern's workloads.
   *
   * @throws IllegalStateException when a role has no operation, or a pipeline fewer than 2 stages
   */
  public Gen<ConcurrentWorkload<S>> gen() {
    for (ConcurrentPattern.Role r : pattern.roles()) {
      if (given.stream().noneMatch(g -> g.role().equals(r))) {
        throw new IllegalStateException(pattern + " needs an operation for role '" + r.name()
            + "': add it with role(\"" + r.name() + "\", operation) before gen()");
      }
    }
    if (pattern.repeatsItsRole() && given.size() < 2) {
      throw new IllegalStateException(pattern + " needs at least 2 stages, was " + given.size()
          + ": add each with role(\"stage\", operation)");
    }
    List<Given<S>> ordered = new ArrayList<>(given);
    ordered.sort(Comparator.comparingInt(g -> pattern.roles().indexOf(g.role())));
    ThreadDistribution d = distribution;
    return new Gen<>((size, seed) -> {
      List<Shrinks.Rows<Call<S>>> groups = new ArrayList<>(ordered.size());
      for (int i = 0; i < ordered.size(); i++) {
        ConcurrentPattern.Role r = ordered.get(i).role();
        int minThreads = r.manyThreads() ? d.minThreads() : 1;
        int maxThreads = r.manyThreads() ? d.maxThreads() : 1;
        int minOperations = r.oneCall() ? 1 : d.minOperations();
        int maxOperations = r.oneCall() ? 1 : d.maxOperations();
        groups.add(new Shrinks.Rows<>(ConcurrentOperations.threads(ordered.get(i).operation()
                .calls(), minThreads, maxThreads, minOperations, maxOperations, size,
            seed.child(i)), minThreads, minOperations));
      }
      return Shrinks.grouped(groups).map(ConcurrentWorkload::new);
    });
  }
}
