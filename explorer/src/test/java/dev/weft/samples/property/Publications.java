package dev.weft.samples.property;

/**
 * A value published through a ready flag: read through a volatile flag the reader is ordered after
 * the writer; through a plain one it may see the value with nothing ordering the two.
 */
public final class Publications {
  private Publications() {}

  /** Publishes one value once. */
  public interface Publication {
    void publish(int value);

    /** The value once published, else -1. */
    int read();
  }

  /** Plain fields: a reader may see {@code ready} without happening after the write. */
  public static final class PlainFlag implements Publication {
    private int data;
    private boolean ready;

    @Override
    public void publish(int value) {
      data = value;
      ready = true;
    }

    @Override
    public int read() {
      return ready ? data : -1;
    }
  }

  /** A volatile flag: a read that sees it set synchronizes with the write that set it. */
  public static final class VolatileFlag implements Publication {
    private int data;
    private volatile boolean ready;

    @Override
    public void publish(int value) {
      data = value;
      ready = true;
    }

    @Override
    public int read() {
      return ready ? data : -1;
    }
  }
}
