package dev.weft.samples.cli;

/**
 * A bug that needs one order of two class initializations: whichever thread first uses {@code
 * Registry} runs its initializer, and thread b assumes it was a. Found only if a search tries b
 * first, which systematic search does only if it sees the two uses of the class as dependent.
 */
public final class FirstUserInitializes {
  public static void main(String[] args) throws InterruptedException {
    Thread a = new Thread(new User(), "a");
    Thread b = new Thread(new User(), "b");
    a.start();
    b.start();
    a.join();
    b.join();
  }

  static final class User implements Runnable {
    @Override
    public void run() {
      String by = Registry.INITIALIZED_BY;
      assert by.equals("a") : "Registry was initialized by " + by + ", not by a";
    }
  }

  static final class Registry {
    static final String INITIALIZED_BY = Thread.currentThread().getName();
  }
}
