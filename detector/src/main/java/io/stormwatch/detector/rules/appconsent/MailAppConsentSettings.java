package io.stormwatch.detector.rules.appconsent;

import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.detector.tenant.CappedAccountSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parameters of the mail-app-consent rule, and the settings they are read from (under {@code
 * rule.mail-app-consent.}).
 *
 * @param window how long after a grant the application's mail reads in the tenant are joined to it
 * @param mailScopes scopes and app roles that give an application mail, lower case
 * @param maxTenantAccounts an application that more accounts of the tenant have read mail with is
 *     established there, and grants to it are not reported
 * @param extraAllowedApps application ids never reported, lower case, on top of Microsoft's own
 *     mail clients
 * @param maxApps applications with a grant in the window remembered per tenant; the one granted
 *     longest ago is forgotten
 */
public record MailAppConsentSettings(
    Duration window,
    Set<String> mailScopes,
    int maxTenantAccounts,
    Set<String> extraAllowedApps,
    int maxApps) {

  public static final String WINDOW = "window";
  public static final String MAIL_SCOPES = "mail.scopes";
  public static final String MAX_TENANT_ACCOUNTS = "max.tenant.accounts";
  public static final String ALLOWED_APPS = "allowed.apps";
  public static final String MAX_APPS = "max.apps.per.tenant";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              WINDOW,
              Type.STRING,
              "7d",
              DurationValue.between(Duration.ofHours(1), Duration.ofDays(90)),
              Importance.MEDIUM,
              "How long after a grant the application's mail reads in the tenant (MailItemsAccessed"
                  + " with its ClientAppId) raise the grant's alert to HIGH. Consent phishing"
                  + " harvests within minutes or hours; a week also catches a harvest that waits"
                  + " for a weekend.")
          .define(
              MAIL_SCOPES,
              Type.LIST,
              "Mail.Read,Mail.ReadBasic,Mail.ReadBasic.All,Mail.ReadWrite,Mail.Read.Shared,"
                  + "Mail.ReadWrite.Shared,full_access_as_app,full_access_as_user,"
                  + "EWS.AccessAsUser.All,IMAP.AccessAsUser.All,POP.AccessAsUser.All,"
                  + "EAS.AccessAsUser.All",
              Importance.MEDIUM,
              "Scopes and app roles (any case) that give an application mail; a grant of none of"
                  + " them (User.Read, openid, offline_access alone) is not reported.")
          .define(
              MAX_TENANT_ACCOUNTS,
              Type.INT,
              2,
              Range.between(0, CappedAccountSet.CAP - 1),
              Importance.MEDIUM,
              "A grant to an application that more accounts of the tenant have already read mail"
                  + " with is not reported: the application is established there.")
          .define(
              ALLOWED_APPS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Application ids whose grants are never reported, on top of Microsoft's own mail"
                  + " clients.")
          .define(
              MAX_APPS,
              Type.INT,
              64,
              Range.between(1, 1024),
              Importance.LOW,
              "Applications with a grant in the window remembered per tenant; the one granted"
                  + " longest ago is forgotten.");

  /** The rule's settings, keys relative to {@code rule.mail-app-consent.}. */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** The settings in {@code config}, an {@link AbstractConfig} over {@link #definition}. */
  public static MailAppConsentSettings from(AbstractConfig config) {
    return new MailAppConsentSettings(
        DurationValue.parse(config.getString(WINDOW)),
        lowerCase(config, MAIL_SCOPES),
        config.getInt(MAX_TENANT_ACCOUNTS),
        lowerCase(config, ALLOWED_APPS),
        config.getInt(MAX_APPS));
  }

  /**
   * The settings {@code values} (relative keys) make, the rest at their defaults.
   *
   * @throws ConfigException naming the first bad key
   */
  public static MailAppConsentSettings of(Map<String, ?> values) {
    return from(new AbstractConfig(DEFINITION, values, false));
  }

  private static Set<String> lowerCase(AbstractConfig config, String key) {
    return config.getList(key).stream()
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
