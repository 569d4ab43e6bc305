package io.stormwatch.detector.rules.coverage;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The signin-coverage-gap rule as the catalogue lists it. */
public final class SignInCoverageGap {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("signin-coverage-gap")
          .title("Sign-in logs missing: the tenant's token use cannot be verified")
          .version(2)
          .severities(Severity.MEDIUM)
          .firesOn(
              "a tenant whose tokens are used for 4 h of event time without a sign-in arriving, at"
                  + " hours it usually has sign-ins (its sign-in feed stopped), or that never sent"
                  + " one: one alert, revised as the unverifiable uses grow tenfold (counted from 15"
                  + " min into the silence; earlier uses of tokens a sign-in already issued are"
                  + " verified)")
          .staysQuietOn(
              "a feed that lags; token use at hours the tenant is quiet every day (a night:"
                  + " orphan-token judges those uses)")
          .triage(
              "Not an attack but a blind spot: forged tokens cannot be detected in this tenant until"
                  + " its Entra sign-in logs flow again. Check the diagnostic setting that exports"
                  + " SignInLogs (and its Event Hub or storage), and the tenant's Entra ID P1"
                  + " licence; the gap closes when a sign-in arrives.")
          .falsePositives(
              "A tenant that is really quiet while mail clients sync on (a public holiday), or"
                  + " whose sign-ins are exported to another pipeline by design. Raise"
                  + " rule.signin-coverage-gap.silence, or switch the rule off for tenants that send"
                  + " no sign-in logs on purpose (rule.signin-coverage-gap.enabled=false) and accept"
                  + " that forged tokens go unseen there.")
          .trapScenarios("signin-feed-lag", "night-silence-early-logins")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Tenant(
          DESCRIPTOR,
          SignInCoverageSettings.definition(),
          settings -> new SignInCoverageRule(SignInCoverageSettings.from(settings)));

  private SignInCoverageGap() {}
}
