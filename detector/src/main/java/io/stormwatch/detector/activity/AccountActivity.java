package io.stormwatch.detector.activity;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When an account is active and when its current incident happened, by weekday and hour of day: the
 * account's own rhythm beside the hours an incident's alerts saw, so that an analyst sees whether
 * an incident happened in the account's working hours or in someone else's.
 *
 * <p>The account's hours are the clock hours in which any of its records happened, over its whole
 * history. Its records arrive in event-time order up to the allowed lateness; a record in an hour
 * before the latest counted one is not counted again, so a late record never counts its hour twice
 * (and rarely, if its hour had no other record, leaves it out).
 *
 * <p>The incident's hours are the clock hours its alerts' events span, first to last event of each
 * alert; they start again when the account's next incident opens.
 */
public final class AccountActivity {

  public static final StateCodec<AccountActivity> CODEC =
      new BinaryStateCodec<>("account-activity", 1) {
        @Override
        protected void write(AccountActivity activity, BinaryStateWriter out) {
          out.writeLong(activity.latestHour);
          activity.hours.write(out);
          out.writeBoolean(activity.incidentId != null);
          if (activity.incidentId != null) {
            out.writeString(activity.incidentId).writeLongs(activity.incidentHours);
          }
        }

        @Override
        protected AccountActivity read(BinaryStateReader in, int version) {
          AccountActivity activity = new AccountActivity();
          activity.latestHour = in.readLong();
          activity.hours = WeekHourActivity.read(in);
          if (in.readBoolean()) {
            activity.incidentId = in.readString();
            activity.incidentHours.addAll(in.readLongs());
          }
          return activity;
        }
      };

  /** Clock hours an incident's activity keeps: two weeks round the clock; oldest forgotten. */
  static final int MAX_INCIDENT_HOURS = 336;

  /**
   * Hours one alert adds at most, the latest of its span: an alert spanning days (a slow crawl)
   * says when it ended, not that the actor worked every hour in between.
   */
  static final int MAX_HOURS_PER_ALERT = 24;

  private static final long NONE = Long.MIN_VALUE;

  private long latestHour = NONE;
  private WeekHourActivity hours = new WeekHourActivity();
  private String incidentId;
  private final NavigableSet<Long> incidentHours = new TreeSet<>();

  /** Counts the clock hour of a record of the account that happened at {@code eventTimeMillis}. */
  public void record(long eventTimeMillis) {
    long hour = WeekHourActivity.epochHour(eventTimeMillis);
    if (hour > latestHour) {
      hours.countHour(hour);
      latestHour = hour;
    }
  }

  /** Adds the hours of {@code alert}'s events to those of its incident, {@code incidentId}. */
  public void recordAlert(String incidentId, Alert alert) {
    if (!Objects.equals(incidentId, this.incidentId)) {
      this.incidentId = incidentId;
      incidentHours.clear();
    }
    long last = WeekHourActivity.epochHour(alert.getLastEventTime().toEpochMilli());
    long first = WeekHourActivity.epochHour(alert.getFirstEventTime().toEpochMilli());
    for (long hour = Math.max(first, last - MAX_HOURS_PER_ALERT + 1); hour <= last; hour++) {
      incidentHours.add(hour);
    }
    while (incidentHours.size() > MAX_INCIDENT_HOURS) {
      incidentHours.pollFirst();
    }
  }

  /** The account's own hours. */
  public WeekHourActivity hours() {
    return hours;
  }

  /** The hours of the account's current incident's alerts; none before its first alert. */
  public WeekHourActivity incidentHours() {
    return WeekHourActivity.ofHours(incidentHours);
  }
}
