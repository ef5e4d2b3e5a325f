package dev.weft.explorer.harness;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One step of a thread's script against the target: a {@link Call} runs on the scenario thread and
 * records its result; a {@link Cast} is posted to the target's {@link Mailbox} and not waited for;
 * a {@link Custom} runs any code against the target on the scenario thread.
 *
 * <p>Public API since 0.2.
 *
 * @param <T> the target's type
 */
public sealed interface Action<T> permits Action.Call, Action.Cast, Action.Custom, Action.Bare {
  /** How the action appears in events and reports. */
  String name();

  static <T> Action<T> call(String name, Function<? super T, ?> operation) {
    return new Call<>(name, operation);
  }

  static <T> Action<T> cast(String name, Consumer<? super T> operation) {
    return new Cast<>(name, operation);
  }

  static <T> Action<T> custom(String name, Consumer<? super T> code) {
    return new Custom<>(name, code);
  }

  /**
   * A bare operation: run as a call or handed to the mailbox as a cast, as the scenario's {@link
   * ScenarioOptions#defaultKind()} says (a call unless set).
   */
  static <T> Action<T> of(String name, Consumer<? super T> operation) {
    return new Bare<>(name, operation);
  }

  /** What a {@link Bare} operation becomes. */
  enum Kind {
    /** Run on the scenario thread, waited for; recorded with an empty result. */
    CALL,
    /** Handed to the target's mailbox; the scenario thread goes on at once. */
    CAST
  }

  /** An operation whose kind the scenario's options decide. */
  record Bare<T>(String name, Consumer<? super T> operation) implements Action<T> {
    public Bare {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(operation, "operation");
    }

    /** The call or cast this operation is, given the default kind. */
    Action<T> as(Kind kind) {
      return kind == Kind.CAST ? new Cast<>(name, operation) : new Call<>(name, target -> {
        operation.accept(target);
        return "";
      });
    }
  }

  /** A synchronous operation whose result is recorded. */
  record Call<T>(String name, Function<? super T, ?> operation) implements Action<T> {
    public Call {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(operation, "operation");
    }
  }

  /** An operation handed to the target's mailbox; the scenario thread goes on at once. */
  record Cast<T>(String name, Consumer<? super T> operation) implements Action<T> {
    public Cast {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(operation, "operation");
    }
  }

  /** Any code against the target, run on the scenario thread. */
  record Custom<T>(String name, Consumer<? super T> code) implements Action<T> {
    public Custom {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(code, "code");
    }
  }
}
