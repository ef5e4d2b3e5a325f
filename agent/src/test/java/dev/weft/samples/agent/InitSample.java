package dev.weft.samples.agent;

import java.util.ArrayList;
import java.util.List;

/** Static initializers and the instructions that initialize classes, for the class-init rules. */
public final class InitSample {
  static final List<String> LOG = new ArrayList<>();
  static int count;

  static {
    try {
      LOG.add("initialized"); // a call: the initializer is wrapped
    } catch (IllegalStateException e) {
      count = -1;
    }
    count = LOG.size(); // own field inside its own initializer: no use hook
  }

  /** Only javac's assertion flag and a constant table: left alone. */
  public static final class SelfContained {
    static final int[] TABLE = {1, 2, 3};

    static int first() {
      assert TABLE.length == 3;
      return TABLE[0];
    }
  }

  /** No initializer at all. */
  public static final class NoInitializer {
    static int value;
  }

  /** Inherits an initializer from its superclass. */
  public static final class Subclass extends Parent {}

  public static class Parent {
    static final List<String> NAMES = new ArrayList<>(List.of("parent"));
  }

  /** An initializer that throws: the exception still reaches the user. */
  public static final class Failing {
    static final int VALUE = Integer.parseInt("not a number");
  }

  public static int uses() {
    count++; // @line:putstatic
    List<String> log = LOG; // @line:getstatic
    Subclass s = new Subclass(); // @line:new
    int size = names(); // @line:invokestatic
    NoInitializer.value++;
    return log.size() + size + NoInitializer.value + new ArrayList<>().size() + (s != null ? 1 : 0);
  }

  static int names() {
    return Parent.NAMES.size();
  }

  public static int selfContained() {
    return SelfContained.first();
  }

  public static int failing() {
    return Failing.VALUE;
  }

  /**
   * A branch between {@code new} and the constructor call: the stack map frame at the branch's join
   * names the uninitialized object by the offset of its {@code new}.
   */
  public static int newWithABranch(boolean flag) {
    return new Holder(flag ? 1 : 2).value;
  }

  /** Has an initializer, so its {@code new} gets a use hook. */
  public static final class Holder {
    static final List<String> CREATED = new ArrayList<>();
    final int value;

    Holder(int value) {
      this.value = value;
      CREATED.add("holder");
    }
  }
}
