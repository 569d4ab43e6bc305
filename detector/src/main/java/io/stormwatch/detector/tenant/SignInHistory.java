package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a tenant's sign-in logs carried sign-ins: for each UTC hour of the day, on which of the last
 * {@value #DAYS_KEPT} days at least one arrived, and the recent silences between sign-ins. Tells an
 * hour the tenant is quiet on most days (its nights, its weekends) from an hour in which its
 * sign-in feed failed: the feed's health is judged by its own rhythm, not by how long it has been
 * silent.
 */
public final class SignInHistory {

  /** What the sign-in feed's silences at some hours say about tokens issued in them. */
  public enum Verdict {
    /** No silence, or only at hours the tenant is usually quiet: every issuance was seen. */
    HEALTHY,
    /** Too little history at those hours to know the tenant's rhythm. */
    UNKNOWN,
    /** Silent at an hour the tenant usually has sign-ins: issuances may be missing. */
    FAILED
  }

  static final int DAYS_KEPT = 64;

  /** Comparable days an hour is judged against: the last four weeks. */
  static final int DAYS_COMPARED = 28;

  /** With fewer comparable days seen than this, the tenant's rhythm at an hour is unknown. */
  static final int MIN_DAYS_COMPARED = 4;

  static final int SILENCES_KEPT = 8;

  private static final int FORMAT_VERSION = 1;
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long NONE = Long.MIN_VALUE;

  /** Epoch day of the tenant's first sign-in seen: earlier days were not observed. */
  private long firstDay = NONE;

  /** Epoch day of bit 0 of every mask: the latest day with a sign-in. */
  private long latestDay = NONE;

  /** Per UTC hour of the day: bit k set when day {@code latestDay - k} had a sign-in then. */
  private final long[] days = new long[24];

  /** Recent silences (start, end) of at least the orphan-token rule's silence, oldest first. */
  private final List<long[]> silences = new ArrayList<>();

  /** Records a sign-in at {@code time}. */
  void signIn(long time) {
    long day = Math.floorDiv(time, DAY);
    if (latestDay == NONE) {
      latestDay = day;
    } else if (day > latestDay) {
      long shift = day - latestDay;
      for (int h = 0; h < days.length; h++) {
        days[h] = shift >= DAYS_KEPT ? 0 : days[h] << shift;
      }
      latestDay = day;
    }
    firstDay = firstDay == NONE ? day : Math.min(firstDay, day);
    long offset = latestDay - day;
    if (offset < DAYS_KEPT) {
      days[hourOfDay(time)] |= 1L << offset;
    }
  }

  /** Remembers that no sign-in arrived between {@code start} and {@code end}. */
  void silence(long start, long end) {
    silences.add(new long[] {start, end});
    if (silences.size() > SILENCES_KEPT) {
      silences.remove(0);
    }
  }

  /**
   * Judges the sign-in feed between {@code from} and {@code to}: it failed if a silence of at least
   * {@code minSilence} overlapping that span did so at an hour in which the tenant had sign-ins on
   * most comparable days. The silences are those remembered and the open one since {@code
   * latestSignIn} (the feed's latest sign-in) until {@code now}. The hour in which a silence ended
   * does not count: the feed delivered a sign-in in it.
   */
  public Verdict judge(long from, long to, long latestSignIn, long now, long minSilence) {
    if (latestSignIn == NONE) {
      return Verdict.UNKNOWN; // no sign-in ever: there is no feed to know a rhythm of
    }
    Verdict verdict = judgeSilence(latestSignIn, now, false, from, to, minSilence);
    for (long[] silence : silences) {
      verdict = worse(verdict, judgeSilence(silence[0], silence[1], true, from, to, minSilence));
    }
    return verdict;
  }

  /** Judges one silence, from {@code start} to {@code end}, where it overlaps [from, to]. */
  private Verdict judgeSilence(
      long start, long end, boolean ended, long from, long to, long minSilence) {
    long overlapStart = Math.max(start, from);
    long overlapEnd = Math.min(end, to);
    if (end - start < minSilence || overlapStart > overlapEnd) {
      return Verdict.HEALTHY;
    }
    long lastHour = Math.floorDiv(overlapEnd, HOUR) * HOUR;
    if (ended && lastHour == Math.floorDiv(end, HOUR) * HOUR) {
      lastHour -= HOUR;
    }
    Verdict verdict = Verdict.HEALTHY;
    for (long hour = Math.floorDiv(overlapStart, HOUR) * HOUR; hour <= lastHour; hour += HOUR) {
      Boolean usual = usualSignInHour(hour);
      verdict = worse(verdict, usual == null ? Verdict.UNKNOWN : usual ? Verdict.FAILED : verdict);
    }
    return verdict;
  }

  private static Verdict worse(Verdict a, Verdict b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Whether the tenant had sign-ins in this hour of the day on more than half of the comparable
   * days before it (weekdays for a weekday, weekend days for a weekend day, UTC) of the last four
   * weeks; null when fewer than {@value #MIN_DAYS_COMPARED} of those days were observed.
   */
  Boolean usualSignInHour(long hourStart) {
    long day = Math.floorDiv(hourStart, DAY);
    int hour = hourOfDay(hourStart);
    boolean weekend = weekend(day);
    int compared = 0;
    int withSignIns = 0;
    for (long other = day - 1; other >= day - DAYS_COMPARED && other >= firstDay; other--) {
      long offset = latestDay - other;
      if (weekend(other) != weekend || offset >= DAYS_KEPT) {
        continue;
      }
      compared++;
      if (offset >= 0 && (days[hour] & (1L << offset)) != 0) {
        withSignIns++;
      }
    }
    if (compared < MIN_DAYS_COMPARED) {
      return null;
    }
    return 2 * withSignIns > compared;
  }

  byte[] encode() {
    BinaryStateWriter out =
        new BinaryStateWriter(FORMAT_VERSION).writeLong(firstDay).writeLong(latestDay);
    for (long mask : days) {
      out.writeLong(mask);
    }
    out.writeInt(silences.size());
    silences.forEach(s -> out.writeLong(s[0]).writeLong(s[1]));
    return out.toByteArray();
  }

  static SignInHistory decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes, FORMAT_VERSION, "sign-in history");
    SignInHistory history = new SignInHistory();
    history.firstDay = in.readLong();
    history.latestDay = in.readLong();
    for (int h = 0; h < history.days.length; h++) {
      history.days[h] = in.readLong();
    }
    int silences = in.readInt();
    for (int i = 0; i < silences; i++) {
      history.silences.add(new long[] {in.readLong(), in.readLong()});
    }
    return history;
  }

  private static int hourOfDay(long time) {
    return (int) Math.floorMod(time, DAY) / (int) HOUR;
  }

  /** Whether the UTC day is a Saturday or a Sunday. */
  static boolean weekend(long epochDay) {
    // Day 0, 1970-01-01, was a Thursday: shifted by three, Monday is 0 and Saturday 5.
    return Math.floorMod(epochDay + 3, 7) >= DayOfWeek.SATURDAY.ordinal();
  }
}
