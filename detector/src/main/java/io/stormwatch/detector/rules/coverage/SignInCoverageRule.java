package io.stormwatch.detector.rules.coverage;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.Judgement;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.SignInFeedHealth;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.rules.TenantView;
import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant whose sign-in logs are missing or have stopped, while its tokens keep being used: the
 * orphan-token rule is blind there. Silence is counted over stretches of token use only, so a
 * tenant at rest overnight, or a feed that lags by an hour, is not a gap; and only at hours the
 * tenant's sign-in history says it is rarely silent at, so a token used at night is no gap either.
 * Reported once per gap (revised as the unverifiable uses grow tenfold), instead of one
 * orphan-token alert per use.
 *
 * <p>It judges the token uses the orphan-token rule has checked, ahead of that rule (see the
 * catalogue): with orphan-token switched off there is nothing to judge. A use of a token a sign-in
 * already issued, arriving while sign-ins still flow (the first 15 min of a silence), is verified
 * as it arrives and never checked, so not counted here (version 1 counted it too).
 */
public final class SignInCoverageRule implements TenantRule {

  private final SignInCoverageSettings settings;
  private final long silence;

  public SignInCoverageRule(SignInCoverageSettings settings) {
    this.settings = settings;
    this.silence = settings.silence().toMillis();
  }

  @Override
  public RuleDescriptor descriptor() {
    return SignInCoverageGap.DESCRIPTOR;
  }

  /**
   * A tenant idle this long (no token use) starts its silence clock afresh: nights are not gaps.
   */
  @Override
  public Optional<Duration> idleReset() {
    return Optional.of(settings.idleReset());
  }

  /** A sign-in arrived: the gap, if any, is over. */
  @Override
  public void observe(AuditEvent event, TenantView tenant) {
    if (event.getKind() == EventKind.SIGN_IN && !Boolean.FALSE.equals(event.getSucceeded())) {
      tenant.ruleState(null);
    }
  }

  /** A use during a gap is the gap's: counted here, and not judged as a possible orphan. */
  @Override
  public Judgement judge(TokenUse use, long streamTime, TenantView tenant) {
    if (tenant.signInSilence() < silence) {
      return Judgement.passed();
    }
    byte[] stored = tenant.ruleState();
    GapIncident gap = stored == null ? new GapIncident() : GapIncident.CODEC.decode(stored);
    if (!gap.open() && !silentAtUsualHours(tenant)) {
      return Judgement.passed();
    }
    Optional<Alert> alert = unverifiable(gap, use, tenant);
    tenant.ruleState(GapIncident.CODEC.encode(gap));
    return Judgement.settled(alert);
  }

  /**
   * Whether the tenant's sign-in feed, silent long enough while its tokens were used, was silent at
   * hours the tenant is rarely silent at (or with too little history to tell). A tenant quiet at
   * those hours every day (a night) is no gap, even if a token is used then; its uses are judged
   * once the sign-in feed has passed them. A gap lasts until a sign-in arrives.
   */
  private boolean silentAtUsualHours(TenantView tenant) {
    SignInFeedHealth silenceSoFar =
        tenant.signInFeedHealth(
            tenant.firstTokenUseWithoutSignIn(),
            tenant.latestEvent(),
            tenant.latestEvent(),
            silence);
    return silenceSoFar != SignInFeedHealth.HEALTHY;
  }

  /** Counts a use that cannot be verified during a gap; returns the alert revision it causes. */
  private Optional<Alert> unverifiable(GapIncident gap, TokenUse use, TenantView tenant) {
    if (!gap.open()) {
      gap.start = tenant.firstTokenUseWithoutSignIn();
      gap.revision = 0;
      gap.unverifiedUses = 0;
      gap.reportedUses = 0;
    }
    gap.unverifiedUses++;
    if (gap.revision > 0 && gap.unverifiedUses < 10 * gap.reportedUses) {
      return Optional.empty();
    }
    gap.revision++;
    gap.reportedUses = gap.unverifiedUses;
    boolean never = tenant.latestSignIn() == TenantView.NONE;
    String summary =
        String.format(
            Locale.ROOT,
            "Tenant %s %s: %d token use%s cannot be checked for forged tokens",
            use.tenantId(),
            never
                ? "sends no Entra sign-in logs"
                : "has sent no Entra sign-in logs since "
                    + Instant.ofEpochMilli(tenant.latestSignIn()),
            gap.unverifiedUses,
            gap.unverifiedUses == 1 ? "" : "s");
    return Optional.of(
        Alerts.revision(
            SignInCoverageGap.DESCRIPTOR,
            AlertIds.of(
                SignInCoverageGap.DESCRIPTOR.id(),
                use.tenantId(),
                Alerts.WHOLE_TENANT,
                "gap@" + Instant.ofEpochMilli(gap.start)),
            gap.revision,
            Severity.MEDIUM,
            0.9,
            use.tenantId(),
            Alerts.WHOLE_TENANT,
            Instant.ofEpochMilli(gap.start),
            Instant.ofEpochMilli(tenant.latestEvent()),
            summary,
            Evidence.newBuilder().setEventCount(gap.unverifiedUses).build()));
  }
}
