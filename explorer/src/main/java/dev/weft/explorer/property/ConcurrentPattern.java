package dev.weft.explorer.property;

import java.util.List;

/**
 * The classic shapes of a concurrent program, each a list of roles whose threads run the operation
 * the user names for that role. {@link Gen#concurrentPattern} generates them as {@link
 * ConcurrentWorkload}s, threads laid out role by role, and shrinks them without breaking the shape.
 *
 * <p>Public API since 0.2.
 */
public enum ConcurrentPattern {
  /** At least one {@code producer} thread and at least one {@code consumer} thread. */
  PRODUCER_CONSUMER(Role.many("producer"), Role.many("consumer")),
  /** At least one {@code reader} thread and at least one {@code writer} thread. */
  READERS_WRITERS(Role.many("reader"), Role.many("writer")),
  /**
   * One {@code submitter} thread that submits one or more tasks, at least one {@code worker}
   * thread, and one {@code collector} thread that collects once.
   */
  FAN_OUT_FAN_IN(Role.oneThread("submitter"), Role.many("worker"), Role.oneCall("collector")),
  /**
   * Two or more stages, one thread each, in the order their operations are given: stage {@code i}
   * hands to stage {@code i + 1}. Every operation is given for the role {@code stage}.
   */
  PIPELINE(Role.oneThread("stage"));

  /**
   * A role's shape: {@code manyThreads} takes its thread count from the {@link ThreadDistribution},
   * else it has one thread; {@code oneCall} makes that thread call once, else the distribution's
   * operations per thread.
   */
  record Role(String name, boolean manyThreads, boolean oneCall) {
    static Role many(String name) {
      return new Role(name, true, false);
    }

    static Role oneThread(String name) {
      return new Role(name, false, false);
    }

    static Role oneCall(String name) {
      return new Role(name, false, true);
    }
  }

  private final List<Role> roles;

  ConcurrentPattern(Role... roles) {
    this.roles = List.of(roles);
  }

  /** The names of the roles, in the order their threads come in a workload. */
  public List<String> roleNames() {
    return roles.stream().map(Role::name).toList();
  }

  List<Role> roles() {
    return roles;
  }

  /** Whether its one role is given once per stage (a {@link #PIPELINE}), not once in all. */
  boolean repeatsItsRole() {
    return this == PIPELINE;
  }
}
