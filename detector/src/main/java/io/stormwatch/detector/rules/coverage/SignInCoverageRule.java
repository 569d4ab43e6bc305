package io.stormwatch.detector.rules.coverage;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.alert.RuleDescriptor;
import io.stormwatch.detector.config.SignInCoverageSettings;
import io.stormwatch.detector.rules.orphantoken.TokenUse;
import io.stormwatch.detector.tenant.SignInFeed;
import io.stormwatch.detector.tenant.SignInHistory;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A tenant whose sign-in logs are missing or have stopped, while its tokens keep being used: the
 * orphan-token rule is blind there. Silence is counted over stretches of token use only, so a
 * tenant at rest overnight, or a feed that lags by an hour, is not a gap; and only at hours the
 * tenant's sign-in history says it is rarely silent at, so a token used at night is no gap either.
 * Reported once per gap (revised as the unverifiable uses grow tenfold), instead of one
 * orphan-token alert per use.
 */
public final class SignInCoverageRule {

  public static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "signin-coverage-gap",
          "Sign-in logs missing: the tenant's token use cannot be verified",
          1,
          List.of());

  /** Tenant-wide alerts concern no single account. */
  public static final String WHOLE_TENANT = "*";

  private final SignInCoverageSettings settings;

  public SignInCoverageRule(SignInCoverageSettings settings) {
    this.settings = settings;
  }

  /**
   * A tenant idle this long (no token use) starts its silence clock afresh: nights are not gaps.
   */
  public Duration idleReset() {
    return settings.idleReset();
  }

  /**
   * Whether the tenant's sign-in feed has been silent long enough, while its tokens were used, to
   * be a gap: silent for the configured time, and at hours the tenant is rarely silent at (or with
   * too little history to tell). A tenant quiet at those hours every day (a night) is no gap, even
   * if a token is used then; its uses are judged once the sign-in feed has passed them. A gap lasts
   * until a sign-in arrives.
   *
   * @param history the tenant's sign-in history, read only when the silence is long enough
   */
  public boolean inGap(SignInFeed feed, Supplier<SignInHistory> history) {
    long silence = settings.silence().toMillis();
    if (!settings.enabled() || feed.silenceMillis() < silence) {
      return false;
    }
    if (feed.gapStart != SignInFeed.NONE) {
      return true;
    }
    SignInHistory.Verdict silenceSoFar =
        history
            .get()
            .judge(
                feed.firstUseWithoutSignIn,
                feed.watermark,
                feed.latestSignIn,
                feed.watermark,
                silence);
    return silenceSoFar != SignInHistory.Verdict.HEALTHY;
  }

  /** Counts a use that cannot be verified during a gap; returns the alert revision it causes. */
  public Optional<Alert> unverifiable(SignInFeed feed, TokenUse use) {
    if (feed.gapStart == SignInFeed.NONE) {
      feed.gapStart = feed.firstUseWithoutSignIn;
      feed.gapRevision = 0;
      feed.gapUnverifiedUses = 0;
      feed.gapReportedUses = 0;
    }
    feed.gapUnverifiedUses++;
    if (feed.gapRevision > 0 && feed.gapUnverifiedUses < 10 * feed.gapReportedUses) {
      return Optional.empty();
    }
    feed.gapRevision++;
    feed.gapReportedUses = feed.gapUnverifiedUses;
    boolean never = feed.latestSignIn == SignInFeed.NONE;
    String summary =
        String.format(
            Locale.ROOT,
            "Tenant %s %s: %d token use%s cannot be checked for forged tokens",
            use.tenantId(),
            never
                ? "sends no Entra sign-in logs"
                : "has sent no Entra sign-in logs since " + Instant.ofEpochMilli(feed.latestSignIn),
            feed.gapUnverifiedUses,
            feed.gapUnverifiedUses == 1 ? "" : "s");
    return Optional.of(
        Alerts.revision(
            DESCRIPTOR,
            AlertIds.of(
                DESCRIPTOR.id(),
                use.tenantId(),
                WHOLE_TENANT,
                "gap@" + Instant.ofEpochMilli(feed.gapStart)),
            feed.gapRevision,
            Severity.MEDIUM,
            0.9,
            use.tenantId(),
            WHOLE_TENANT,
            Instant.ofEpochMilli(feed.gapStart),
            Instant.ofEpochMilli(feed.watermark),
            summary,
            Evidence.newBuilder().setEventCount(feed.gapUnverifiedUses).build()));
  }

  /** A sign-in arrived: the gap, if any, is over. */
  public void signInSeen(SignInFeed feed) {
    if (feed.gapStart == SignInFeed.NONE) {
      return;
    }
    feed.gapStart = SignInFeed.NONE;
    feed.gapRevision = 0;
    feed.gapUnverifiedUses = 0;
    feed.gapReportedUses = 0;
  }
}
