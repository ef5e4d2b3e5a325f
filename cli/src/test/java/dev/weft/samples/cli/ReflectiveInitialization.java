package dev.weft.samples.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Correct: two threads race to initialize {@link Config}, one by using it, the other through the
 * JDK, in the way the argument names: {@code forName}, {@code invoke} (a static method by
 * reflection), {@code newInstance}, {@code field} (a static field by reflection), {@code handle}
 * (a method handle to a static method), {@code constructorHandle}, or a method reference the JVM
 * calls from a class it generates ({@code staticReference}, {@code constructorReference}).
 * Whichever loses waits until the initializer has ended, and both see 42. Under Weft the JDK's use
 * must wait in the model: inside the JVM it would wait holding the turn.
 */
public final class ReflectiveInitialization {
  static final class Config {
    static final Object LOCK = new Object();
    static int value;

    static {
      synchronized (LOCK) { // scheduling points while the class is initialized
        value = 41;
      }
      synchronized (LOCK) {
        value++;
      }
    }

    Config() {}

    static int value() {
      return value;
    }
  }

  public static void main(String[] args) throws Exception {
    String way = args.length == 0 ? "forName" : args[0];
    Thread user = new Thread(new User());
    Thread reflective = new Thread(new Reflective(way));
    user.start();
    reflective.start();
    user.join();
    reflective.join();
  }

  static final class User implements Runnable {
    @Override
    public void run() {
      int seen = Config.value();
      assert seen == 42 : "saw a half-initialized class: value " + seen;
    }
  }

  static final class Reflective implements Runnable {
    private final String way;

    Reflective(String way) {
      this.way = way;
    }

    @Override
    public void run() {
      try {
        int seen = switch (way) {
          case "forName" -> {
            Class.forName(ReflectiveInitialization.class.getName() + "$Config");
            yield Config.value;
          }
          case "invoke" -> (int) Config.class.getDeclaredMethod("value").invoke(null);
          case "newInstance" -> {
            Config.class.getDeclaredConstructor().newInstance();
            yield Config.value;
          }
          case "field" -> Config.class.getDeclaredField("value").getInt(null);
          case "handle" -> (int) MethodHandles.lookup()
              .findStatic(Config.class, "value", MethodType.methodType(int.class)).invoke();
          case "constructorHandle" -> {
            MethodHandles.lookup().findConstructor(Config.class, MethodType.methodType(void.class))
                .invoke();
            yield Config.value;
          }
          case "staticReference" -> {
            IntSupplier value = Config::value;
            yield value.getAsInt();
          }
          case "constructorReference" -> {
            Supplier<Config> make = Config::new;
            make.get();
            yield Config.value;
          }
          default -> throw new IllegalArgumentException("no such way: " + way);
        };
        assert seen == 42 : "saw a half-initialized class through " + way + ": value " + seen;
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    }
  }
}
