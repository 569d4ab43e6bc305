package io.stormwatch.detector.rules;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;

/**
 * A resource-side token use: a token or session presented to Exchange (MailItemsAccessed, OWAAuth),
 * so one the tenant's sign-in logs should have issued. The tenant stage keeps uses waiting for
 * their check in this form.
 */
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

  /** Whether the event presents a token or session to a resource: a token use. */
  public static boolean presentedBy(AuditEvent event) {
    return resourceSide(event) && hasIdentifier(event);
  }

  /**
   * Whether the event is resource-side access that names neither its token nor its session, so that
   * no rule can tell whether a sign-in issued them: Microsoft leaves both out of some aggregated
   * and background records. Such access is unknown, not orphaned.
   */
  public static boolean unjudgeable(AuditEvent event) {
    return resourceSide(event) && !hasIdentifier(event);
  }

  private static boolean resourceSide(AuditEvent event) {
    return event.getKind() == EventKind.MAIL_ITEMS_ACCESSED
        || event.getKind() == EventKind.OWA_AUTH;
  }

  private static boolean hasIdentifier(AuditEvent event) {
    return event.getUniqueTokenId() != null || event.getSessionId() != null;
  }

  /** The use {@code event} makes; see {@link #presentedBy}. */
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
