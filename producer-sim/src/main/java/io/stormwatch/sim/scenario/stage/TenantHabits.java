package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.world.Network;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a tenant's people and systems habitually do, which the sparse history must show so that
 * rules can learn it: who works through the corporate VPN, who reads which shared mailbox, which
 * integration reads which mailboxes, who was on leave.
 */
public final class TenantHabits {

  private Network corporateVpn;
  private final Set<String> vpnUsers = new LinkedHashSet<>();
  private final List<SharedMailbox> sharedMailboxes = new ArrayList<>();
  private final List<ServiceIntegration> integrations = new ArrayList<>();
  private final Map<String, LocalDate[]> leave = new LinkedHashMap<>();

  /** The corporate VPN's egress network, if the tenant has one. */
  public Optional<Network> corporateVpn() {
    return Optional.ofNullable(corporateVpn);
  }

  void corporateVpn(Network network) {
    this.corporateVpn = network;
  }

  void addVpnUser(String upn) {
    vpnUsers.add(upn);
  }

  public boolean vpnUser(String upn) {
    return vpnUsers.contains(upn);
  }

  public int vpnUserCount() {
    return vpnUsers.size();
  }

  public void addSharedMailbox(SharedMailbox mailbox) {
    sharedMailboxes.add(mailbox);
  }

  public List<SharedMailbox> sharedMailboxes() {
    return Collections.unmodifiableList(sharedMailboxes);
  }

  public void addIntegration(ServiceIntegration integration) {
    integrations.add(integration);
  }

  public List<ServiceIntegration> integrations() {
    return Collections.unmodifiableList(integrations);
  }

  /** The user is away from {@code first} to {@code last}, both inclusive, local dates. */
  public void addLeave(String upn, LocalDate first, LocalDate last) {
    leave.put(upn, new LocalDate[] {first, last});
  }

  public boolean onLeave(String upn, LocalDate day) {
    LocalDate[] range = leave.get(upn);
    return range != null && !day.isBefore(range[0]) && !day.isAfter(range[1]);
  }
}
