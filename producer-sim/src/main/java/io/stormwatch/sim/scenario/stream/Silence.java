package io.stormwatch.sim.scenario.stream;

import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Background activity of one user that a scenario replaces: a traveller is not at home after the
 * flight, a throttled mailbox is not audited, a phone whose records the scenario writes itself, a
 * mailbox whose reads stopped being audited days before. It applies to the scenario day's
 * background and to the sparse history before it.
 *
 * @param upn the user
 * @param from first instant silenced
 * @param to end, exclusive
 * @param scope what is silenced
 */
public record Silence(String upn, Instant from, Instant to, Scope scope) {

  /** What a silence covers. */
  public enum Scope {
    /** Sign-ins and mailbox access. */
    EVERYTHING,
    /** Mailbox access (binds and syncs); the sign-ins that issue tokens stay. */
    MAIL,
    /** Binds only: Exchange throttles the auditing of binds, never of syncs. */
    BINDS
  }

  public Silence {
    Objects.requireNonNull(upn, "upn");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(scope, "scope");
  }

  /** Whether this silence drops a background event: a user's sign-in or own mailbox access. */
  public boolean covers(SimEvent event) {
    if (event.time().isBefore(from) || !event.time().isBefore(to)) {
      return false;
    }
    if (event instanceof MailboxAccess mail) {
      return mail.mailbox().upn().equals(upn)
          && (scope != Scope.BINDS || mail.accessType() == MailAccessType.BIND);
    }
    return scope == Scope.EVERYTHING
        && event instanceof SignIn signIn
        && signIn.user() != null
        && signIn.user().upn().equals(upn);
  }
}
