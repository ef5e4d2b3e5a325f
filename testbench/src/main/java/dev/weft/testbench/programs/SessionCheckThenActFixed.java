package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SessionCheckThenAct}'s twin: {@code computeIfAbsent} checks and creates in one atomic
 * step, so every login of a user gets the one session.
 */
@Expect(bug = false)
public final class SessionCheckThenActFixed {
  static final class AtomicRegistry extends SessionCheckThenAct.Registry {
    @Override
    SessionCheckThenAct.Session login(String user) {
      return sessions.computeIfAbsent(user, u -> new SessionCheckThenAct.Session());
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SessionCheckThenAct.loginTwice(new AtomicRegistry());
  }
}
