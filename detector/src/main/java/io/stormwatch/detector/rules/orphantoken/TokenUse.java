package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.AuditEvent;

/** A resource-side token use waiting to be checked against the tenant's sign-in logs. */
public record TokenUse(
    String eventId,
    String tenantId,
    String accountId,
    long time,
    String uniqueTokenId,
    String sessionId,
    String clientIp,
    Long asn,
    String asOrganisation,
    String country,
    String clientAppId) {

  /** Pending uses are kept in this form until their check. */
  public static final StateCodec<TokenUse> CODEC =
      new BinaryStateCodec<>("token use", 1) {
        @Override
        protected void write(TokenUse use, BinaryStateWriter out) {
          out.writeString(use.eventId)
              .writeString(use.tenantId)
              .writeString(use.accountId)
              .writeLong(use.time)
              .writeString(use.uniqueTokenId)
              .writeString(use.sessionId)
              .writeString(use.clientIp)
              .writeBoolean(use.asn != null)
              .writeLong(use.asn == null ? 0 : use.asn)
              .writeString(use.asOrganisation)
              .writeString(use.country)
              .writeString(use.clientAppId);
        }

        @Override
        protected TokenUse read(BinaryStateReader in, int version) {
          return TokenUse.read(in);
        }
      };

  public static TokenUse of(AuditEvent event) {
    return new TokenUse(
        event.getEventId(),
        event.getTenantId(),
        event.getAccountId(),
        event.getEventTime().toEpochMilli(),
        event.getUniqueTokenId(),
        event.getSessionId(),
        event.getClientIp(),
        event.getAsn(),
        event.getAsOrganisation(),
        event.getCountry(),
        event.getClientAppId());
  }

  private static TokenUse read(BinaryStateReader in) {
    String eventId = in.readString();
    String tenantId = in.readString();
    String accountId = in.readString();
    long time = in.readLong();
    String uti = in.readString();
    String session = in.readString();
    String ip = in.readString();
    boolean hasAsn = in.readBoolean();
    long asn = in.readLong();
    return new TokenUse(
        eventId,
        tenantId,
        accountId,
        time,
        uti,
        session,
        ip,
        hasAsn ? asn : null,
        in.readString(),
        in.readString(),
        in.readString());
  }
}
