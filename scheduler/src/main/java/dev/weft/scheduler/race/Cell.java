package dev.weft.scheduler.race;

import java.util.Arrays;

/**
 * The shadow of one memory location (FastTrack's, Flanagan and Freund, PLDI 2009): its last write,
 * and the reads since, at most one per thread. An access is named by its thread and that thread's
 * own clock component at the time (its epoch).
 */
final class Cell {
  private int writer = -1;
  private int writeEpoch;
  private int writeSite;
  private int writeEvent;

  private int reads;
  private int[] readers = new int[2];
  private int[] readEpochs = new int[2];
  private int[] readSites = new int[2];
  private int[] readEvents = new int[2];

  /**
   * The earlier access that races with thread {@code t}'s access now, whose clock is {@code
   * clock}; null when every conflicting earlier access happens before it.
   */
  DataRace.Access conflict(int t, boolean write, VectorClock clock) {
    if (writer >= 0 && writer != t && writeEpoch > clock.get(writer)) {
      return new DataRace.Access(writer, true, writeSite, writeEvent);
    }
    if (write) {
      for (int i = 0; i < reads; i++) {
        if (readers[i] != t && readEpochs[i] > clock.get(readers[i])) {
          return new DataRace.Access(readers[i], false, readSites[i], readEvents[i]);
        }
      }
    }
    return null;
  }

  /** Records thread {@code t}'s access at {@code epoch}; a write forgets the reads before it. */
  void record(int t, boolean write, int epoch, int site, int event) {
    if (write) {
      writer = t;
      writeEpoch = epoch;
      writeSite = site;
      writeEvent = event;
      reads = 0;
      return;
    }
    int i = 0;
    while (i < reads && readers[i] != t) i++;
    if (i == readers.length) {
      readers = Arrays.copyOf(readers, i * 2);
      readEpochs = Arrays.copyOf(readEpochs, i * 2);
      readSites = Arrays.copyOf(readSites, i * 2);
      readEvents = Arrays.copyOf(readEvents, i * 2);
    }
    if (i == reads) reads++;
    readers[i] = t;
    readEpochs[i] = epoch;
    readSites[i] = site;
    readEvents[i] = event;
  }
}
