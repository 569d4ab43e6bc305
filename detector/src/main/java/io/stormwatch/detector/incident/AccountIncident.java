package io.stormwatch.detector.incident;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's current incident: the account's alerts that follow one another closely in event
 * time, under one id, so that an analyst reads "token replayed, then an inbox rule, then a bulk
 * read" as one story. Whether a token-misuse alert is among them decides whether the account's
 * follow-on alerts are escalated.
 *
 * <p>An alert joins the incident when it revises one of the incident's alerts, or when it comes
 * within the incident window of the incident's latest alert; otherwise it opens a new incident.
 */
public final class AccountIncident {

  /**
   * Alert ids an incident remembers, to keep the revisions of its alerts in it; oldest forgotten.
   */
  static final int MAX_MEMBERS = 32;

  public static final StateCodec<AccountIncident> CODEC =
      new BinaryStateCodec<>("account-incident", 1) {
        @Override
        protected void write(AccountIncident incident, BinaryStateWriter out) {
          out.writeString(incident.id)
              .writeLong(incident.latestAlertTime)
              .writeBoolean(incident.tokenMisuseRule != null);
          if (incident.tokenMisuseRule != null) {
            out.writeString(incident.tokenMisuseRule);
          }
          out.writeStrings(incident.members);
        }

        @Override
        protected AccountIncident read(BinaryStateReader in, int version) {
          AccountIncident incident = new AccountIncident();
          incident.id = in.readString();
          incident.latestAlertTime = in.readLong();
          if (in.readBoolean()) {
            incident.tokenMisuseRule = in.readString();
          }
          incident.members.addAll(in.readStrings());
          return incident;
        }
      };

  private String id;
  private long latestAlertTime;
  private String tokenMisuseRule;
  private final List<String> members = new ArrayList<>();

  /** The incident's id, or null before the account's first alert. */
  public String id() {
    return id;
  }

  /** The rule of the incident's first token-misuse alert, or null if it has none. */
  public String tokenMisuseRule() {
    return tokenMisuseRule;
  }

  /**
   * Places an alert of this account in the incident, opening a new one if it belongs to none. A new
   * incident's id is derived from the alert that opens it.
   *
   * @param window how long after its latest alert, in event time, an incident takes new alerts
   * @param tokenMisuse whether the alert says a token of the account is misused
   */
  void place(Alert alert, long window, boolean tokenMisuse) {
    String alertId = alert.getAlertId();
    long alertTime = alert.getLastEventTime().toEpochMilli();
    boolean joins =
        id != null && (members.contains(alertId) || alertTime <= latestAlertTime + window);
    if (!joins) {
      id = AlertIds.of("incident", alert.getTenantId(), alert.getAccountId(), alertId);
      latestAlertTime = alertTime;
      tokenMisuseRule = null;
      members.clear();
    }
    latestAlertTime = Math.max(latestAlertTime, alertTime);
    if (!members.contains(alertId)) {
      members.add(alertId);
      if (members.size() > MAX_MEMBERS) {
        members.remove(0);
      }
    }
    if (tokenMisuse && tokenMisuseRule == null) {
      tokenMisuseRule = alert.getRuleId();
    }
  }
}
