package io.stormwatch.detector.rules.appconsent;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The applications of one tenant with a reported mail grant in the window, and when each was last
 * granted: the rule's state for the tenant, small enough to travel with every event of the tenant.
 * Each application's incident is kept apart ({@link ConsentIncident}) and read only for its own
 * events.
 */
final class ConsentedApps {

  /** Application id to the time of its latest reported grant; sorted, so encodings are stable. */
  final Map<String, Long> lastGrant = new TreeMap<>();

  /** Forgets the application granted longest ago while more than {@code max} are remembered. */
  void keepAtMost(int max) {
    while (lastGrant.size() > max) {
      lastGrant.entrySet().stream()
          .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .ifPresent(lastGrant::remove);
    }
  }

  static final StateCodec<ConsentedApps> CODEC =
      new BinaryStateCodec<>("mail-app-consent", 1) {
        @Override
        protected void write(ConsentedApps apps, BinaryStateWriter out) {
          out.writeInt(apps.lastGrant.size());
          apps.lastGrant.forEach((app, time) -> out.writeString(app).writeLong(time));
        }

        @Override
        protected ConsentedApps read(BinaryStateReader in, int version) {
          ConsentedApps apps = new ConsentedApps();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            apps.lastGrant.put(in.readString(), in.readLong());
          }
          return apps;
        }
      };
}
