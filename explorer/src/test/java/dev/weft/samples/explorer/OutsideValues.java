package dev.weft.samples.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Reads every value a program usually gets from outside its schedule: identity hash codes (through
 * hash-set and concurrent-map order), time, unseeded random numbers, thread ids and default names.
 * Each run records what it saw.
 */
public final class OutsideValues {
  /** What each run saw, in order. */
  public static final List<String> SEEN = new ArrayList<>();

  private OutsideValues() {}

  /** A class that hashes by identity. */
  private static final class Token {
    private final int n;

    Token(int n) {
      this.n = n;
    }

    @Override
    public String toString() {
      return "t" + n;
    }
  }

  public static void run() throws Exception {
    Set<Token> set = new HashSet<>();
    ConcurrentHashMap<Object, Integer> map = new ConcurrentHashMap<>();
    for (int i = 0; i < 16; i++) {
      set.add(new Token(i));
      map.put(new Token(i), i);
    }
    StringBuilder s = new StringBuilder();
    s.append(set).append(map.values()).append(System.identityHashCode(new Object()));
    Thread worker = new Thread(() -> { });
    worker.start();
    worker.join();
    s.append(' ').append(worker.getName()).append(' ').append(worker.getId())
        .append(' ').append(System.nanoTime()).append(' ').append(System.currentTimeMillis())
        .append(' ').append(Instant.now()).append(' ').append(new Random().nextLong())
        .append(' ').append(Math.random()).append(' ').append(ThreadLocalRandom.current().nextLong());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pool.submit(() -> s.append(' ').append(Thread.currentThread().getName())).get();
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.SECONDS);
    synchronized (SEEN) {
      SEEN.add(s.toString());
    }
  }
}
