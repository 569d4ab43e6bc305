package io.stormwatch.detector.tenant;

import java.util.List;

/** Resource-side token uses awaiting their check against the sign-in logs, by due time. */
public interface PendingUses {

  /**
   * Adds a use due at {@code dueTime}; {@code id} makes it unique among uses due then. A use due at
   * or before the latest take is returned by the next one.
   */
  void add(long dueTime, String id, byte[] use);

  /** Removes and returns, in (due time, id) order, the uses due at or before {@code time}. */
  List<byte[]> takeDue(long time);
}
