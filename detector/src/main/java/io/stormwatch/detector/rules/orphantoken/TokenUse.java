package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
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

  private static final int FORMAT_VERSION = 1;

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

  public byte[] encode() {
    return new BinaryStateWriter(FORMAT_VERSION)
        .writeString(eventId)
        .writeString(tenantId)
        .writeString(accountId)
        .writeLong(time)
        .writeString(uniqueTokenId)
        .writeString(sessionId)
        .writeString(clientIp)
        .writeBoolean(asn != null)
        .writeLong(asn == null ? 0 : asn)
        .writeString(asOrganisation)
        .writeString(country)
        .writeString(clientAppId)
        .toByteArray();
  }

  public static TokenUse decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes, FORMAT_VERSION, "token use");
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
