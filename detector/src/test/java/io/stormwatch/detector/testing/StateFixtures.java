package io.stormwatch.detector.testing;

import io.stormwatch.detector.activity.AccountActivityFixture;
import io.stormwatch.detector.incident.AccountIncidentFixture;
import io.stormwatch.detector.normalise.OlderRecordIdsFixture;
import io.stormwatch.detector.rules.appconsent.ConsentStateFixtures;
import io.stormwatch.detector.rules.appsweep.AppSweepStateFixtures;
import io.stormwatch.detector.rules.auditsilence.MailboxAuditSilenceStateFixture;
import io.stormwatch.detector.rules.audittampering.AuditTamperingStateFixture;
import io.stormwatch.detector.rules.coverage.CoverageStateFixture;
import io.stormwatch.detector.rules.delegation.DelegationStateFixtures;
import io.stormwatch.detector.rules.mailburst.MailBurstStateFixture;
import io.stormwatch.detector.rules.mailclient.MailClientStateFixture;
import io.stormwatch.detector.rules.mailforwarding.MailForwardingStateFixture;
import io.stormwatch.detector.rules.mailhiding.MailHidingStateFixture;
import io.stormwatch.detector.rules.mailsync.ForeignMailboxSyncStateFixture;
import io.stormwatch.detector.rules.orphantoken.OrphanTokenStateFixtures;
import io.stormwatch.detector.rules.tokenreplay.TokenReplayStateFixture;
import io.stormwatch.detector.state.StateFixture;
import io.stormwatch.detector.tenant.TenantStateFixtures;
import io.stormwatch.detector.topology.AccountStateFixture;
import java.util.ArrayList;
import java.util.List;

/** Every state type the detector stores, each with a representative value: see StateFormatTest. */
public final class StateFixtures {

  private StateFixtures() {}

  public static List<StateFixture<?>> all() {
    List<StateFixture<?>> all = new ArrayList<>();
    all.add(AccountStateFixture.fixture());
    all.add(OlderRecordIdsFixture.fixture());
    all.add(AccountIncidentFixture.fixture());
    all.add(AccountActivityFixture.fixture());
    all.add(TokenReplayStateFixture.fixture());
    all.add(MailBurstStateFixture.fixture());
    all.add(MailClientStateFixture.fixture());
    all.add(ForeignMailboxSyncStateFixture.fixture());
    all.add(MailForwardingStateFixture.fixture());
    all.add(MailHidingStateFixture.fixture());
    all.add(AuditTamperingStateFixture.fixture());
    all.add(MailboxAuditSilenceStateFixture.fixture());
    all.addAll(OrphanTokenStateFixtures.fixtures());
    all.add(CoverageStateFixture.fixture());
    all.addAll(TenantStateFixtures.fixtures());
    all.addAll(ConsentStateFixtures.fixtures());
    all.addAll(DelegationStateFixtures.fixtures());
    all.addAll(AppSweepStateFixtures.fixtures());
    return all;
  }
}
