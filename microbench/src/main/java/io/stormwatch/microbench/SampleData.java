package io.stormwatch.microbench;

import io.stormwatch.detector.normalise.NetworkEnricher;
import io.stormwatch.detector.topology.AccountKey;
import io.stormwatch.formats.EntraSignInParser;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.UnifiedAuditLogParser;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The records every micro-benchmark works on: a few simulated hours of 20 tenants of 50 users, as
 * the raw JSON the pipeline receives and as the normalised, enriched events it derives from them.
 * Built once per benchmark fork; the same seed always gives the same records.
 */
final class SampleData {

  static final Instant START = Instant.parse("2026-03-10T08:00:00Z");
  static final Duration DURATION = Duration.ofHours(2);

  final IpIntelligence ipIntelligence = IpIntelligence.loadBundled();
  final byte[][] ualRecords;
  final byte[][] signInRecords;
  final AuditEvent[] events;
  final String[] accountKeys;
  final String[] clientIps;

  SampleData() {
    SimulationSettings settings =
        SimulationSettings.builder(START)
            .seed(42)
            .tenants(20)
            .usersPerTenant(50)
            .duration(DURATION)
            .build();
    List<byte[]> ual = new ArrayList<>();
    List<byte[]> signIns = new ArrayList<>();
    for (Iterator<SimulatedRecord> it = new TenantSimulator(settings).records(); it.hasNext(); ) {
      SimulatedRecord record = it.next();
      (record.topic() == RawTopic.UAL ? ual : signIns).add(record.json());
    }
    this.ualRecords = ual.toArray(byte[][]::new);
    this.signInRecords = signIns.toArray(byte[][]::new);

    // Events in the order the pipeline would see them: event time, as the simulator wrote them.
    UnifiedAuditLogParser ualParser = new UnifiedAuditLogParser();
    EntraSignInParser signInParser = new EntraSignInParser();
    NetworkEnricher enricher = new NetworkEnricher(ipIntelligence);
    List<AuditEvent> parsed = new ArrayList<>();
    for (Iterator<SimulatedRecord> it = new TenantSimulator(settings).records(); it.hasNext(); ) {
      SimulatedRecord record = it.next();
      List<ParseResult> results =
          record.topic() == RawTopic.UAL
              ? ualParser.parse(record.json())
              : signInParser.parse(record.json());
      for (ParseResult result : results) {
        if (result instanceof ParseResult.Parsed ok) {
          parsed.add(enricher.enrich(ok.event()));
        }
      }
    }
    this.events = parsed.toArray(AuditEvent[]::new);
    this.accountKeys = parsed.stream().map(AccountKey::of).toArray(String[]::new);
    this.clientIps =
        parsed.stream()
            .map(AuditEvent::getClientIp)
            .filter(ip -> ip != null)
            .toArray(String[]::new);
  }
}
