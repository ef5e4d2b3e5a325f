package dev.weft.samples.explorer;

/** Starts a virtual thread (JDK 21+), through reflection so that this compiles for Java 17. */
public final class VirtualThreads {
  private VirtualThreads() {}

  public static void startOne() throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Class<?> type = Class.forName("java.lang.Thread$Builder");
    Thread t = (Thread) type.getMethod("start", Runnable.class).invoke(builder, (Runnable) () -> { });
    t.join();
  }
}
