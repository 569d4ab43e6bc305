package io.stormwatch.sim.truth;

import io.stormwatch.sim.attack.AttackType;
import java.time.Instant;
import java.util.List;

/**
 * Ground truth of one injected attack: what a detector should find.
 *
 * @param attackId stable id, {@code <type>-<tenant>-<n>}, e.g. {@code token-replay-contoso-1}
 * @param type the attack
 * @param techniques MITRE ATT&CK technique ids
 * @param tenantId the victim's tenant
 * @param tenantName the victim's tenant name
 * @param accountId the victim account, lower-case UPN
 * @param startTime event time of the attack's first record
 * @param endTime event time of the attack's last record
 * @param recordIds the UAL {@code Id} of every record the attack produced, in time order
 * @param itemCount mail items the attacker accessed (sum of {@code OperationCount})
 * @param sourceIps addresses the attacker used
 * @param sourceAsns autonomous systems of those addresses
 * @param sourceCountries countries of those addresses
 * @param uniqueTokenIds token ids the attacker presented
 * @param sessionId the Entra session id the attacker's records carry, or {@code null}
 * @param clientAppId the application id the attacker's records carry
 * @param summary one line a SOC analyst can read
 */
public record LabelledAttack(
    String attackId,
    AttackType type,
    List<String> techniques,
    String tenantId,
    String tenantName,
    String accountId,
    Instant startTime,
    Instant endTime,
    List<String> recordIds,
    long itemCount,
    List<String> sourceIps,
    List<Long> sourceAsns,
    List<String> sourceCountries,
    List<String> uniqueTokenIds,
    String sessionId,
    String clientAppId,
    String summary) {

  public LabelledAttack {
    techniques = List.copyOf(techniques);
    recordIds = List.copyOf(recordIds);
    sourceIps = List.copyOf(sourceIps);
    sourceAsns = List.copyOf(sourceAsns);
    sourceCountries = List.copyOf(sourceCountries);
    uniqueTokenIds = List.copyOf(uniqueTokenIds);
  }
}
