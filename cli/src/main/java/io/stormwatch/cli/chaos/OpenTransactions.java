package io.stormwatch.cli.chaos;

import io.stormwatch.detector.app.ConsumerGroupLag;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether transactions are still open on topics. A detector killed in the middle of a transaction
 * leaves it open until the broker aborts it (the producer's transaction timeout, then the broker's
 * next sweep: tens of seconds), and until then a read_committed reader stops before it, however
 * much was committed after it: a count taken then is short.
 */
final class OpenTransactions {

  private OpenTransactions() {}

  /** True once every partition's last stable offset has reached its end. */
  static boolean none(Admin admin, Collection<String> topics)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> ends = ConsumerGroupLag.latestOf(admin, topics);
    Map<TopicPartition, ListOffsetsResultInfo> stable =
        admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
    Map<TopicPartition, ListOffsetsResultInfo> written =
        admin
            .listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
            .all()
            .get();
    return ends.keySet().stream()
        .allMatch(tp -> stable.get(tp).offset() == written.get(tp).offset());
  }
}
