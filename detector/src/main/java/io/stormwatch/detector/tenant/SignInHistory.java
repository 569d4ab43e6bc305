package io.stormwatch.detector.tenant;

import io.stormwatch.detector.rules.SignInFeedHealth;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a tenant's sign-in logs carried sign-ins: for each UTC hour of the day, on which of the last
 * {@value #DAYS_KEPT} days at least one arrived, and the recent silences between sign-ins. Tells
 * hours at which the tenant is often quiet (its nights, its weekends) from hours at which its
 * sign-in feed failed: the feed's health is judged by its own rhythm, not by how long it has been
 * silent.
 */
final class SignInHistory {

  static final int DAYS_KEPT = 64;

  /** Comparable days an hour is judged against: the last four weeks. */
  static final int DAYS_COMPARED = 28;

  /** With fewer comparable days seen than this, the tenant's rhythm at an hour is unknown. */
  static final int MIN_DAYS_COMPARED = 4;

  /**
   * A silence at hours the tenant was silent on at least this share of comparable days is its
   * rhythm (a night, a weekend, the end of someone's working day), not a failed feed.
   */
  static final double USUAL_SILENCE_SHARE = 0.2;

  static final int SILENCES_KEPT = 8;

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
   * {@code minSilence} overlapping that span fell on hours at which the tenant is rarely silent.
   * The silences are those remembered and the open one since {@code latestSignIn} (the feed's
   * latest sign-in) until {@code now}.
   */
  SignInFeedHealth judge(long from, long to, long latestSignIn, long now, long minSilence) {
    if (latestSignIn == NONE) {
      return SignInFeedHealth.UNKNOWN; // no sign-in ever: there is no feed to know a rhythm of
    }
    SignInFeedHealth verdict = judgeSilence(latestSignIn, now, false, from, to, minSilence);
    for (long[] silence : silences) {
      verdict = worse(verdict, judgeSilence(silence[0], silence[1], true, from, to, minSilence));
    }
    return verdict;
  }

  /**
   * Judges one silence, from {@code start} to {@code end}, at the hours where it overlaps [from,
   * to]. The hour in which a silence ended does not count: the feed delivered a sign-in in it.
   */
  private SignInFeedHealth judgeSilence(
      long start, long end, boolean ended, long from, long to, long minSilence) {
    long overlapStart = Math.max(start, from);
    long overlapEnd = Math.min(end, to);
    if (end - start < minSilence || overlapStart > overlapEnd) {
      return SignInFeedHealth.HEALTHY;
    }
    long firstHour = Math.floorDiv(overlapStart, HOUR) * HOUR;
    long lastHour = Math.floorDiv(overlapEnd, HOUR) * HOUR;
    if (ended && lastHour == Math.floorDiv(end, HOUR) * HOUR) {
      lastHour -= HOUR;
    }
    if (lastHour < firstHour) {
      return SignInFeedHealth.HEALTHY;
    }
    Double silentShare = silentShare(firstHour, lastHour);
    if (silentShare == null) {
      return SignInFeedHealth.UNKNOWN;
    }
    return silentShare < USUAL_SILENCE_SHARE ? SignInFeedHealth.FAILED : SignInFeedHealth.HEALTHY;
  }

  private static SignInFeedHealth worse(SignInFeedHealth a, SignInFeedHealth b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * On what share of the comparable days of the last four weeks (weekdays for a weekday, weekend
   * days for a weekend day, UTC) the tenant had no sign-in at all in the hours from {@code
   * firstHour} to {@code lastHour}, both included; null when fewer than {@value #MIN_DAYS_COMPARED}
   * of those days were observed.
   */
  Double silentShare(long firstHour, long lastHour) {
    if (latestDay == NONE) {
      return null;
    }
    long middleDay = Math.floorDiv(firstHour + (lastHour - firstHour) / 2, DAY);
    boolean weekend = weekend(middleDay);
    int compared = 0;
    int silent = 0;
    for (int back = 1; back <= DAYS_COMPARED; back++) {
      long shift = back * DAY;
      long firstDayThen = Math.floorDiv(firstHour - shift, DAY);
      if (firstDayThen < firstDay || latestDay - firstDayThen >= DAYS_KEPT) {
        break; // not observed, or forgotten
      }
      if (weekend(middleDay - back) != weekend) {
        continue;
      }
      compared++;
      boolean signedIn = false;
      for (long hour = firstHour - shift; hour <= lastHour - shift && !signedIn; hour += HOUR) {
        signedIn = hadSignIn(hour);
      }
      if (!signedIn) {
        silent++;
      }
    }
    return compared < MIN_DAYS_COMPARED ? null : (double) silent / compared;
  }

  /** Whether a sign-in arrived in the hour starting at {@code hourStart}, as far as is kept. */
  private boolean hadSignIn(long hourStart) {
    long offset = latestDay - Math.floorDiv(hourStart, DAY);
    return offset >= 0 && offset < DAYS_KEPT && (days[hourOfDay(hourStart)] & (1L << offset)) != 0;
  }

  static final StateCodec<SignInHistory> CODEC =
      new BinaryStateCodec<>("sign-in history", 1) {
        @Override
        protected void write(SignInHistory history, BinaryStateWriter out) {
          out.writeLong(history.firstDay).writeLong(history.latestDay);
          for (long mask : history.days) {
            out.writeLong(mask);
          }
          out.writeInt(history.silences.size());
          history.silences.forEach(s -> out.writeLong(s[0]).writeLong(s[1]));
        }

        @Override
        protected SignInHistory read(BinaryStateReader in, int version) {
          return SignInHistory.read(in);
        }
      };

  private static SignInHistory read(BinaryStateReader in) {
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
