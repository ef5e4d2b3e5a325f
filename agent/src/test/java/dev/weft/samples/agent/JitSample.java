package dev.weft.samples.agent;

/**
 * Hot monitor code for AgentJarIT: once rewritten, the JIT must still compile it (HotSpot refuses
 * methods whose monitors it cannot match, and then runs them interpreted, 20 times slower).
 */
public final class JitSample {
  private final Object lock = new Object();
  private int count;

  void block() {
    synchronized (lock) {
      count++;
    }
  }

  synchronized void method() {
    count++;
  }

  public static void main(String[] args) {
    JitSample s = new JitSample();
    for (int i = 0; i < 2_000_000; i++) {
      s.block();
      s.method();
    }
    System.out.println("JIT SAMPLE " + s.count);
  }
}
