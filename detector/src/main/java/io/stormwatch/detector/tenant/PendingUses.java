package io.stormwatch.detector.tenant;

import java.util.List;

/** Resource-side token uses awaiting their check against the sign-in logs, by due time. */
public interface PendingUses {

  void add(String tenantId, long dueTime, String eventId, byte[] use);

  /**
   * Removes and returns, in (due time, event id) order, the tenant's uses due at or before {@code
   * time}.
   */
  List<byte[]> takeDue(String tenantId, long time);

  /** The earliest due time still pending for the tenant, or {@link SignInFeed#NONE}. */
  long earliestDue(String tenantId);
}
