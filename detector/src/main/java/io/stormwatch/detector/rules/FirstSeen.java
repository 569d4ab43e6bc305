package io.stormwatch.detector.rules;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/**
 * When a tenant rule first saw the tenant, kept as the rule's tenant state: the start of the
 * tenant's learning period, for rules that learn what is usual in the tenant before they judge.
 */
public final class FirstSeen {

  public static final StateCodec<Long> CODEC =
      new BinaryStateCodec<>("first-seen", 1) {
        @Override
        protected void write(Long time, BinaryStateWriter out) {
          out.writeLong(time);
        }

        @Override
        protected Long read(BinaryStateReader in, int version) {
          return in.readLong();
        }
      };

  private FirstSeen() {}

  /**
   * Remembers {@code time} as when the rule first saw {@code tenant}, unless it saw it before:
   * meant for every event, so it costs a look at the rule's state and nothing more once the tenant
   * is known.
   */
  public static void remember(TenantView tenant, long time) {
    if (tenant.ruleState() == null) {
      tenant.ruleState(CODEC.encode(time));
    }
  }

  /**
   * Whether {@code time} falls in the first {@code learningMillis} after the rule first saw {@code
   * tenant} (a tenant never seen before is learning).
   */
  public static boolean learning(TenantView tenant, long time, long learningMillis) {
    byte[] stored = tenant.ruleState();
    return stored == null || time - CODEC.decode(stored) < learningMillis;
  }
}
