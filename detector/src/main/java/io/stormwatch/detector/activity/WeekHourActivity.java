package io.stormwatch.detector.activity;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Activity by weekday and hour of day in UTC, the chart Microsoft drew of Storm-0558's working
 * hours: 168 cells, Monday 00:00-00:59 first, Sunday 23:00-23:59 last. A cell counts clock hours
 * with activity, not records, so a busy hour weighs as much as a quiet one and a cell gains at most
 * one a week. Counts stop at 255 (about five years of weeks), which keeps a cell to one byte.
 */
public final class WeekHourActivity {

  public static final int CELLS = 7 * 24;

  private static final long HOUR_MS = 3_600_000L;
  private static final int MAX_COUNT = 255;
  private static final int BITMAP_BYTES = CELLS / 8;

  /** 1970-01-01, epoch day 0, was a Thursday: three days after a Monday. */
  private static final int EPOCH_DAY_AFTER_MONDAY = 3;

  private final int[] counts = new int[CELLS];

  /** The clock hour, counted from the epoch, that {@code epochMillis} falls in. */
  public static long epochHour(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR_MS);
  }

  /** The cell of a clock hour: weekday (Monday 0) times 24 plus the hour of day, in UTC. */
  public static int cellOf(long epochHour) {
    long day = Math.floorDiv(epochHour, 24);
    int weekday = (int) Math.floorMod(day + EPOCH_DAY_AFTER_MONDAY, 7);
    return weekday * 24 + (int) Math.floorMod(epochHour, 24);
  }

  /** The activity of the given clock hours, each counted once. */
  public static WeekHourActivity ofHours(Iterable<Long> epochHours) {
    WeekHourActivity activity = new WeekHourActivity();
    epochHours.forEach(activity::countHour);
    return activity;
  }

  /** Counts one clock hour with activity. */
  public void countHour(long epochHour) {
    int cell = cellOf(epochHour);
    counts[cell] = Math.min(MAX_COUNT, counts[cell] + 1);
  }

  /** The 168 counts, Monday 00:00 first. */
  public List<Integer> cells() {
    List<Integer> cells = new ArrayList<>(CELLS);
    for (int count : counts) {
      cells.add(count);
    }
    return cells;
  }

  /** Writes the cells as a bitmap of those with activity, then their counts, one byte each. */
  void write(BinaryStateWriter out) {
    byte[] bitmap = new byte[BITMAP_BYTES];
    for (int cell = 0; cell < CELLS; cell++) {
      if (counts[cell] > 0) {
        bitmap[cell / 8] |= (byte) (1 << (cell % 8));
      }
    }
    for (byte b : bitmap) {
      out.writeByte(b);
    }
    for (int count : counts) {
      if (count > 0) {
        out.writeByte(count);
      }
    }
  }

  static WeekHourActivity read(BinaryStateReader in) {
    byte[] bitmap = new byte[BITMAP_BYTES];
    for (int i = 0; i < BITMAP_BYTES; i++) {
      bitmap[i] = (byte) in.readByte();
    }
    WeekHourActivity activity = new WeekHourActivity();
    for (int cell = 0; cell < CELLS; cell++) {
      if ((bitmap[cell / 8] & (1 << (cell % 8))) != 0) {
        activity.counts[cell] = in.readByte() & 0xFF;
      }
    }
    return activity;
  }
}
