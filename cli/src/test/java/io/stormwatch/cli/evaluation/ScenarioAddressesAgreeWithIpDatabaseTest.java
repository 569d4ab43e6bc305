package io.stormwatch.cli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.scenario.ScenarioRun;
import io.stormwatch.sim.scenario.ScenarioSet;
import io.stormwatch.sim.scenario.ScenarioSettings;
import io.stormwatch.sim.scenario.stage.ScenarioNetworks;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every address the scenarios use maps, in the detector's bundled IP database, to the ASN and
 * country the scenario claims for it: a VPN trap whose VPN is not in the VPN's ASN tests nothing.
 */
class ScenarioAddressesAgreeWithIpDatabaseTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyAddressIsWhereTheScenarioSaysItIs() {
    IpIntelligence database = IpIntelligence.loadBundled();
    ScenarioRun run = new ScenarioRun(ScenarioSettings.of(42, ScenarioSet.ci()));
    Map<String, Network> addresses = new TreeMap<>();
    run.run(
        r -> {
          JsonNode record = parse(r.record().json());
          String ip =
              r.record().topic() == RawTopic.UAL
                  ? record
                      .path(record.has("ClientIPAddress") ? "ClientIPAddress" : "ClientIP")
                      .asText() // OWAAuth records name it ClientIP
                  : record.path("properties").path("ipAddress").asText();
          addresses.computeIfAbsent(ip, ScenarioAddressesAgreeWithIpDatabaseTest::claimed);
        });

    assertThat(addresses).hasSizeGreaterThan(1000);
    addresses.forEach(
        (ip, network) -> {
          var found = database.lookup(ip).orElseThrow(() -> new AssertionError(ip + " unknown"));
          assertThat(found.asn()).as(ip).isEqualTo(network.asn());
          assertThat(found.country()).as(ip).isEqualTo(network.country());
        });
  }

  private static Network claimed(String ip) {
    return ScenarioNetworks.all().stream()
        .filter(n -> n.contains(ip))
        .findFirst()
        .or(() -> NetworkCatalogue.standard().owning(ip))
        .orElseThrow(() -> new AssertionError(ip + " is in no simulated network"));
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
