package io.stormwatch.detector.rules;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A detection over a whole tenant's logs, run by the tenant stage where a tenant's UAL and sign-in
 * records meet. Plain Java: the stage keeps the tenant's facts (its sign-in feed, sign-in history,
 * the tokens its sign-ins issued) and the rule's state, and shows them through a {@link
 * TenantView}.
 *
 * <p>Tenant rules judge token uses, or events as they arrive ({@link #judgeEvent}): a rule has a
 * use checked later ({@link TenantView#checkLater}), and when the check comes due in stream time
 * the use is offered to the tenant rules switched on, in catalogue order, until one {@linkplain
 * Judgement.Settled settles} or {@linkplain Judgement.Deferred defers} it. As with {@link
 * AccountRule}, the alerts are a function of the records alone.
 */
public interface TenantRule {

  RuleDescriptor descriptor();

  /** Learns from one of the tenant's events, after the tenant stage has added it to its facts. */
  default void observe(AuditEvent event, TenantView tenant) {}

  /**
   * Judges one of the tenant's events as it arrives, after {@link #observe}, and returns the alerts
   * (new or revised) it raises at once. For rules that join events of different accounts of the
   * tenant, such as a consent to an application and the mail that application then reads; rules
   * that judge token uses raise theirs when the use comes due, and none here.
   */
  default List<Alert> judgeEvent(AuditEvent event, TenantView tenant) {
    return List.of();
  }

  /** Judges {@code use}, whose check has come due at stream time {@code streamTime}. */
  Judgement judge(TokenUse use, long streamTime, TenantView tenant);

  /**
   * How long a stretch of token use without any sign-in must last for the tenant stage to remember
   * it as an outage of the sign-in feed ({@link TenantView#signInsSilentDuring}); empty if the rule
   * does not ask. The stage remembers the shortest any rule asks for.
   */
  default Optional<Duration> outageSilence() {
    return Optional.empty();
  }

  /**
   * How long without token use ends a stretch of token use without sign-ins, so that the next use
   * starts a new one ({@link TenantView#firstTokenUseWithoutSignIn}); empty if the rule does not
   * ask. The stage takes the shortest any rule asks for.
   */
  default Optional<Duration> idleReset() {
    return Optional.empty();
  }

  /** How long after a sign-in the rule may still ask whether it issued a token. */
  default Duration issuanceLookback() {
    return Duration.ZERO;
  }
}
