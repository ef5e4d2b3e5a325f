package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;
import java.util.List;

/**
 * Several strategies taking turns, one execution each: different strategies find different bugs
 * fastest (see docs/benchmarks.md), and a user who does not know which to pick gets all of them.
 * Each member keeps its own state (PCT's step estimate, SURW's event counts, a systematic search's
 * tree) across its turns. A member that has run out of executions is skipped; once a systematic
 * member has covered every interleaving class, so has the portfolio, and it stops.
 */
public final class Portfolio implements Strategy {
  private final List<Strategy> members;
  private int turn = -1;
  private Strategy current;

  public Portfolio(List<Strategy> members) {
    if (members.isEmpty()) throw new IllegalArgumentException("a portfolio needs a member");
    this.members = List.copyOf(members);
  }

  @Override
  public void beginExecution(long seed) {
    do {
      turn = (turn + 1) % members.size();
    } while (!members.get(turn).hasNextExecution());
    current = members.get(turn);
    current.beginExecution(seed);
  }

  @Override
  public boolean hasNextExecution() {
    boolean any = false;
    for (Strategy m : members) {
      if (m.coveredEverything()) return false;
      any |= m.hasNextExecution();
    }
    return any;
  }

  @Override
  public boolean coveredEverything() {
    for (Strategy m : members) if (m.coveredEverything()) return true;
    return false;
  }

  /** The member running the current execution. */
  public Strategy current() {
    return current;
  }

  @Override
  public boolean observesEveryStep() {
    return current.observesEveryStep();
  }

  @Override
  public int pickThread(SchedulingView view) {
    return current.pickThread(view);
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    return current.pickValue(kind, bound);
  }

  @Override
  public void accessed(int thread, dev.weft.scheduler.view.Operation op, long location) {
    current.accessed(thread, op, location);
  }

  @Override
  public void endExecution(int steps) {
    current.endExecution(steps);
  }
}
