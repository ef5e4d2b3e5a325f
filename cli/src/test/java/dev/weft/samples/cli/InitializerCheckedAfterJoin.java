package dev.weft.samples.cli;

/**
 * The bug of {@link FirstUserInitializes}, seen only by main once both threads have ended: whichever
 * thread first uses {@code Registry} runs its initializer, and main assumes it was a. The threads'
 * steps are independent apart from that first use, so systematic search finds it only if a thread
 * put to sleep at one order is woken by the other's use of the class.
 */
public final class InitializerCheckedAfterJoin {
  public static void main(String[] args) throws InterruptedException {
    Thread a = new Thread(InitializerCheckedAfterJoin::use, "a");
    Thread b = new Thread(InitializerCheckedAfterJoin::use, "b");
    a.start();
    b.start();
    a.join();
    b.join();
    if (!Registry.INITIALIZED_BY.equals("a")) {
      throw new AssertionError("Registry was initialized by " + Registry.INITIALIZED_BY
          + ", not by a");
    }
  }

  static void use() {
    if (Registry.INITIALIZED_BY.isEmpty()) throw new AssertionError("no initializer ran");
  }

  static final class Registry {
    static final String INITIALIZED_BY = Thread.currentThread().getName();
  }
}
