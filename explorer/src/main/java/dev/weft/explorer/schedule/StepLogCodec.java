package dev.weft.explorer.schedule;

import dev.weft.scheduler.trace.StepLog;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * A {@link StepLog} as text: its ints as zig-zag varints, in Base64. Compact for the small numbers
 * (thread ids, operations) that most of it holds.
 */
public final class StepLogCodec {
  private StepLogCodec() {}

  public static String encode(StepLog log) {
    return encode(log.toArray());
  }

  /** Any ints, in the same encoding: a test writes corrupt logs with it. */
  static String encode(int[] values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int v : values) {
      int z = (v << 1) ^ (v >> 31);
      while ((z & ~0x7F) != 0) {
        out.write((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      out.write(z);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** @throws ScheduleException when the text is not such an encoding of a possible step log */
  public static StepLog decode(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw corrupt("it is not Base64");
    }
    int[] values = new int[bytes.length];
    int count = 0;
    int i = 0;
    while (i < bytes.length) {
      int z = 0;
      int shift = 0;
      int b;
      do {
        if (i == bytes.length || shift > 28) throw corrupt("a number in it is cut off or too long");
        b = bytes[i++];
        z |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      values[count++] = (z >>> 1) ^ -(z & 1);
    }
    try {
      return StepLog.of(Arrays.copyOf(values, count));
    } catch (IllegalArgumentException e) {
      throw corrupt(e.getMessage());
    }
  }

  private static ScheduleException corrupt(String why) {
    return new ScheduleException("the schedule's step log is corrupt (" + why + "); it may be"
        + " truncated or edited. Re-run the exploration to write a fresh schedule");
  }
}
