package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Check-then-act on a {@link ConcurrentHashMap}: a registry creates a user's session with {@code
 * put} when {@code containsKey} finds none. Each call is atomic, the pair is not: two logins of the
 * same user can both find no session, and the second {@code put} replaces the session the first
 * login has already handed out, so the two logins hold different sessions.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class SessionCheckThenAct {
  static final class Session {}

  static class Registry {
    final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    Session login(String user) {
      if (!sessions.containsKey(user)) sessions.put(user, new Session());
      return sessions.get(user);
    }
  }

  static void loginTwice(Registry registry) throws InterruptedException {
    Session[] got = new Session[2]; // slot i written by login i, read after join
    Threads.runConcurrently(
        () -> got[0] = registry.login("ada"), () -> got[1] = registry.login("ada"));
    assert got[0] == got[1] : "one user, two sessions";
  }

  public static void main(String[] args) throws InterruptedException {
    loginTwice(new Registry());
  }
}
