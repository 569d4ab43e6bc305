package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.alert.AlertIds;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.rules.FirstSeen;
import io.stormwatch.detector.rules.Judgement;
import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.rules.TenantView;
import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.detector.rules.delegation.DelegationGrants.Grant;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Mailbox delegation, then another user's mailbox read (T1098.002, T1114.002): a MailItemsAccessed
 * record whose reader ({@code UserId}) is not the mailbox's owner ({@code MailboxOwnerUPN}) and has
 * never read that mailbox before, once the tenant's delegates are learned. HIGH when a delegation
 * to the reader on that mailbox (FullAccess, SendAs, folder rights, the impersonation role) came
 * shortly before: access granted, then used. A folder opened to everyone (Default, Anonymous) and
 * the impersonation role are reported as soon as they are granted.
 *
 * <p>Quiet on the pairs the tenant already has (a delegate's daily reading of a shared mailbox, an
 * assistant's of a manager's) and on the new member of a team mailbox that other accounts already
 * read. Grants and reads come from different accounts, so the rule runs in the tenant stage; what
 * it keeps is one entry per mailbox read by others, per recent grantee and per open incident.
 */
public final class MailboxDelegateAccessRule implements TenantRule {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final String IMPERSONATION = "applicationimpersonation";
  private static final Set<String> NON_MAIL_FOLDERS =
      Set.of("calendar", "contacts", "tasks", "notes", "journal");
  private static final Set<String> READING_RIGHTS =
      Set.of(
          "readitems",
          "readany",
          "reviewer",
          "author",
          "nonediting author",
          "noneditingauthor",
          "publishingauthor",
          "editor",
          "publishingeditor",
          "owner",
          "fullaccess");

  private final MailboxDelegateAccessSettings settings;

  public MailboxDelegateAccessRule(MailboxDelegateAccessSettings settings) {
    this.settings = settings;
  }

  @Override
  public RuleDescriptor descriptor() {
    return MailboxDelegateAccess.DESCRIPTOR;
  }

  /** Token uses are not this rule's to judge. */
  @Override
  public Judgement judge(TokenUse use, long streamTime, TenantView tenant) {
    return Judgement.passed();
  }

  @Override
  public List<Alert> judgeEvent(AuditEvent event, TenantView tenant) {
    FirstSeen.remember(tenant, event.getEventTime().toEpochMilli());
    if (event.getKind() == EventKind.MAILBOX_PERMISSION_GRANT && event.getGrantee() != null) {
      return granted(event, tenant);
    }
    String owner = event.getMailboxOwner();
    if (event.getKind() == EventKind.MAIL_ITEMS_ACCESSED
        && owner != null
        && !owner.equals(event.getAccountId())) {
      return read(event, owner, tenant);
    }
    return List.of();
  }

  /** Remembers a delegation for its grantee; reports at once one that opens mail to everyone. */
  private List<Alert> granted(AuditEvent event, TenantView tenant) {
    long time = event.getEventTime().toEpochMilli();
    String grantee = MailboxNames.nameOf(event.getGrantee());
    String target = event.getGrantTarget();
    boolean impersonation =
        event.getGrantPermissions().stream()
            .anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(IMPERSONATION));
    if (target == null && !impersonation) {
      return List.of(); // names no mailbox: nothing to join a read to
    }
    String mailbox = impersonation ? null : MailboxNames.mailboxOf(target);
    String key = grantsKey(event.getTenantId(), grantee);
    byte[] stored = tenant.get(key);
    DelegationGrants grants =
        stored == null ? new DelegationGrants() : DelegationGrants.CODEC.decode(stored);
    grants.add(
        new Grant(
            mailbox,
            event.getAccountId(),
            time,
            String.join(",", event.getGrantPermissions()),
            event.getEventId()),
        settings.grantWindow().toMillis());
    tenant.put(key, DelegationGrants.CODEC.encode(grants));
    if (impersonation || opensAMailFolderToEveryone(grantee, target, event)) {
      return List.of(riskyGrant(event, impersonation));
    }
    return List.of();
  }

  private static boolean opensAMailFolderToEveryone(
      String grantee, String target, AuditEvent event) {
    String folder = MailboxNames.folderOf(target);
    if (!grantee.equals(MailboxNames.EVERYONE) || folder == null) {
      return false;
    }
    String top = folder.split("\\\\", 2)[0];
    return !NON_MAIL_FOLDERS.contains(top)
        && event.getGrantPermissions().stream()
            .anyMatch(p -> READING_RIGHTS.contains(p.toLowerCase(Locale.ROOT)));
  }

  private List<Alert> read(AuditEvent event, String owner, TenantView tenant) {
    long time = event.getEventTime().toEpochMilli();
    String reader = event.getAccountId();
    String mailboxKey = readersKey(event.getTenantId(), owner);
    byte[] stored = tenant.get(mailboxKey);
    MailboxReaders readers =
        stored == null ? new MailboxReaders() : MailboxReaders.CODEC.decode(stored);
    long day = Math.floorDiv(time, DAY) * DAY;
    Long lastDay = readers.lastDay.get(reader);
    if (lastDay != null) {
      boolean changed = day > lastDay;
      readers.lastDay.put(reader, Math.max(day, lastDay));
      List<Alert> alerts = List.of();
      if (readers.reported.contains(reader)) {
        alerts = readAgain(event, tenant);
        if (alerts == null) { // the incident has closed: the pair is an ordinary one now
          readers.reported.remove(reader);
          changed = true;
          alerts = List.of();
        }
      }
      if (changed) {
        tenant.put(mailboxKey, MailboxReaders.CODEC.encode(readers));
      }
      return alerts;
    }
    int others = readers.lastDay.size();
    readers.lastDay.put(reader, day);
    boolean judged =
        !FirstSeen.learning(tenant, time, settings.learning().toMillis())
            && others < settings.teamMailboxReaders();
    if (judged) {
      readers.reported.add(reader);
    }
    readers.keepAtMost(settings.maxReadersPerMailbox());
    tenant.put(mailboxKey, MailboxReaders.CODEC.encode(readers));
    return judged
        ? newMailbox(event, owner, grantsBehind(event, owner, tenant), tenant)
        : List.of();
  }

  /**
   * Folds a further read of a mailbox whose first read was reported into the reader's incident;
   * revises the alert when the items read have doubled. Null when the incident has closed.
   */
  private List<Alert> readAgain(AuditEvent event, TenantView tenant) {
    long time = event.getEventTime().toEpochMilli();
    String key = incidentKey(event.getTenantId(), event.getAccountId());
    byte[] stored = tenant.get(key);
    DelegateIncident incident = stored == null ? null : DelegateIncident.CODEC.decode(stored);
    if (incident == null || time - incident.lastRead > settings.incidentQuiet().toMillis()) {
      return null;
    }
    fold(incident, event);
    boolean doubled = incident.items >= 2 * Math.max(1, incident.reportedItems);
    if (doubled) {
      incident.revision++;
      incident.reportedItems = incident.items;
    }
    tenant.put(key, DelegateIncident.CODEC.encode(incident));
    return doubled ? List.of(alert(event, incident, List.of())) : List.of();
  }

  /** The recent delegations to the reader (by UPN, alias or to everyone) on {@code owner}. */
  private List<Grant> grantsBehind(AuditEvent event, String owner, TenantView tenant) {
    String reader = event.getAccountId();
    long time = event.getEventTime().toEpochMilli();
    Set<String> names = new LinkedHashSet<>();
    names.add(reader);
    names.add(MailboxNames.localPartOf(reader));
    names.add(MailboxNames.EVERYONE);
    List<Grant> behind = new ArrayList<>();
    for (String name : names) {
      byte[] stored = tenant.get(grantsKey(event.getTenantId(), name));
      if (stored == null) {
        continue;
      }
      for (Grant grant : DelegationGrants.CODEC.decode(stored).grants) {
        boolean onThisMailbox =
            grant.mailbox() == null || MailboxNames.names(grant.mailbox(), owner);
        long age = time - grant.time();
        if (onThisMailbox && age >= 0 && age <= settings.grantWindow().toMillis()) {
          behind.add(grant);
        }
      }
    }
    behind.sort(Comparator.comparingLong(Grant::time));
    return behind;
  }

  /** Folds a read of a mailbox new to its reader into the reader's incident. */
  private List<Alert> newMailbox(
      AuditEvent event, String owner, List<Grant> grants, TenantView tenant) {
    long time = event.getEventTime().toEpochMilli();
    String key = incidentKey(event.getTenantId(), event.getAccountId());
    byte[] stored = tenant.get(key);
    DelegateIncident incident = stored == null ? null : DelegateIncident.CODEC.decode(stored);
    if (incident == null || time - incident.lastRead > settings.incidentQuiet().toMillis()) {
      incident = new DelegateIncident();
      incident.openedAt = time;
    }
    boolean wasGranted = incident.grantedMailboxes.size() > 0;
    fold(incident, event);
    incident.newMailboxes++;
    incident.mailboxes.add(owner);
    if (!grants.isEmpty()) {
      incident.grantedMailboxes.add(owner);
      for (Grant grant : grants) {
        incident.grants.add(grant.permissions() + " by " + grant.grantor());
      }
    }
    // Every mailbox up to the 16 listed, then at each doubling: an account that reads hundreds
    // of mailboxes (an impersonating service) revises its alert a few times, not hundreds.
    boolean revise =
        incident.newMailboxes <= DelegateIncident.LIMIT
            || Long.bitCount(incident.newMailboxes) == 1
            || !wasGranted && !grants.isEmpty();
    List<Alert> alerts = List.of();
    if (revise) {
      incident.revision++;
      incident.reportedItems = incident.items;
      alerts = List.of(alert(event, incident, grants));
    }
    tenant.put(key, DelegateIncident.CODEC.encode(incident));
    return alerts;
  }

  private static void fold(DelegateIncident incident, AuditEvent event) {
    long time = event.getEventTime().toEpochMilli();
    incident.lastRead = Math.max(incident.lastRead, time);
    incident.reads++;
    incident.items += MailItems.of(event);
    incident.ips.add(event.getClientIp());
    incident.asns.add(event.getAsn());
    incident.asOrganisations.add(event.getAsOrganisation());
    incident.countries.add(event.getCountry());
    incident.appIds.add(event.getClientAppId());
    incident.tokenIds.add(event.getUniqueTokenId());
    incident.sessionIds.add(event.getSessionId());
    incident.sample.add(time, event.getEventId());
  }

  private Alert alert(AuditEvent event, DelegateIncident incident, List<Grant> latestGrants) {
    String reader = event.getAccountId();
    boolean granted = incident.grantedMailboxes.size() > 0;
    List<String> mailboxes = incident.mailboxes.toList();
    String delegation;
    if (!latestGrants.isEmpty()) {
      Grant grant = latestGrants.get(latestGrants.size() - 1);
      delegation =
          String.format(
              Locale.ROOT,
              ", %s after %s granted %s",
              Alerts.humanDuration(
                  Duration.ofMillis(event.getEventTime().toEpochMilli() - grant.time())),
              grant.grantor(),
              grant.permissions());
    } else if (granted) {
      delegation = "; delegated: " + String.join("; ", incident.grants.toList());
    } else {
      delegation =
          "; no delegation to them seen in the " + settings.grantWindow().toDays() + " days before";
    }
    String summary =
        String.format(
            Locale.ROOT,
            "%s read %s they had never read before (%s%s): %d items%s",
            reader,
            incident.newMailboxes == 1 ? "a mailbox" : incident.newMailboxes + " mailboxes",
            String.join(", ", mailboxes.subList(0, Math.min(3, mailboxes.size()))),
            incident.newMailboxes > 3 ? ", ..." : "",
            incident.items,
            delegation);
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(incident.ips.toList())
            .setAsns(incident.asns.toList())
            .setAsOrganisations(incident.asOrganisations.toList())
            .setCountries(incident.countries.toList())
            .setAppIds(incident.appIds.toList())
            .setTokenIds(incident.tokenIds.toList())
            .setSessionIds(incident.sessionIds.toList())
            .setEventCount(incident.reads)
            .setItemCount(incident.items)
            .setSampleEventIds(incident.sample.eventIds())
            .setMailboxes(Alerts.otherMailboxes(mailboxes, reader))
            .build();
    return Alerts.revision(
        MailboxDelegateAccess.DESCRIPTOR,
        AlertIds.of(
            MailboxDelegateAccess.DESCRIPTOR.id(),
            event.getTenantId(),
            reader,
            "opened:" + incident.openedAt),
        incident.revision,
        granted ? Severity.HIGH : Severity.MEDIUM,
        granted ? 0.75 : 0.5,
        event.getTenantId(),
        reader,
        Instant.ofEpochMilli(incident.openedAt),
        Instant.ofEpochMilli(incident.lastRead),
        summary,
        evidence);
  }

  /** A grant reported at once: a mail folder opened to everyone, or the impersonation role. */
  private static Alert riskyGrant(AuditEvent event, boolean impersonation) {
    String permissions = String.join(", ", event.getGrantPermissions());
    String summary =
        impersonation
            ? String.format(
                Locale.ROOT,
                "%s gave %s the %s role: it can open %s",
                event.getAccountId(),
                event.getGrantee(),
                permissions,
                event.getGrantTarget() == null
                    ? "every mailbox of the tenant"
                    : "the mailboxes of scope " + event.getGrantTarget())
            : String.format(
                Locale.ROOT,
                "%s gave everyone in the organisation %s on %s",
                event.getAccountId(),
                permissions,
                event.getGrantTarget());
    Evidence evidence =
        Evidence.newBuilder()
            .setIps(event.getClientIp() == null ? List.of() : List.of(event.getClientIp()))
            .setAsns(event.getAsn() == null ? List.of() : List.of(event.getAsn()))
            .setAsOrganisations(
                event.getAsOrganisation() == null ? List.of() : List.of(event.getAsOrganisation()))
            .setCountries(event.getCountry() == null ? List.of() : List.of(event.getCountry()))
            .setEventCount(1)
            .setSampleEventIds(List.of(event.getEventId()))
            .build();
    Instant at = event.getEventTime();
    return Alerts.revision(
        MailboxDelegateAccess.DESCRIPTOR,
        AlertIds.of(
            MailboxDelegateAccess.DESCRIPTOR.id(),
            event.getTenantId(),
            event.getAccountId(),
            "grant:" + event.getEventId()),
        1,
        Severity.MEDIUM,
        0.5,
        event.getTenantId(),
        event.getAccountId(),
        at,
        at,
        summary,
        evidence);
  }

  static String readersKey(String tenant, String owner) {
    return "mailbox-delegate-access|" + tenant + "|readers|" + owner;
  }

  static String grantsKey(String tenant, String grantee) {
    return "mailbox-delegate-access|" + tenant + "|grants|" + grantee;
  }

  static String incidentKey(String tenant, String reader) {
    return "mailbox-delegate-access|" + tenant + "|incident|" + reader;
  }
}
