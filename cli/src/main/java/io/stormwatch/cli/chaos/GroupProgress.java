package io.stormwatch.cli.chaos;

import io.stormwatch.detector.app.ConsumerGroupLag;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What the detectors' consumer group has committed on the raw topics, per task, and which tasks
 * each instance runs. The detector's tasks are the partition numbers of the raw topics: task {@code
 * p} reads partition {@code p} of both. With exactly-once, what is committed is also what the
 * outputs made visible, so a task whose committed offsets move is processing again.
 */
final class GroupProgress {

  private final Admin admin;
  private final String groupId;
  private final List<String> rawTopics;

  GroupProgress(Admin admin, String groupId, Collection<String> rawTopics) {
    this.admin = admin;
    this.groupId = groupId;
    this.rawTopics = List.copyOf(rawTopics);
  }

  /** Committed and end offsets of one task, summed over the raw topics. */
  record TaskOffsets(long committed, long end) {

    boolean done() {
      return committed >= end;
    }
  }

  /** Every task's committed and end offsets, by task number. */
  Map<Integer, TaskOffsets> tasks() throws InterruptedException, ExecutionException {
    Map<Integer, TaskOffsets> tasks = new TreeMap<>();
    new ConsumerGroupLag(admin)
        .byPartition(groupId, rawTopics)
        .forEach(
            (partition, progress) ->
                tasks.merge(
                    partition.partition(),
                    new TaskOffsets(progress.committed(), progress.end()),
                    (a, b) -> new TaskOffsets(a.committed() + b.committed(), a.end() + b.end())));
    return tasks;
  }

  /** Records committed over every task. */
  static long committed(Map<Integer, TaskOffsets> tasks) {
    return tasks.values().stream().mapToLong(TaskOffsets::committed).sum();
  }

  /** Whether every task has committed everything. */
  static boolean done(Map<Integer, TaskOffsets> tasks) {
    return tasks.values().stream().allMatch(TaskOffsets::done);
  }

  /**
   * The tasks {@code clientId} runs as an active task now (standby tasks read no raw partition).
   * Kafka Streams names its consumers {@code <client.id>-StreamThread-<n>-consumer}.
   */
  Set<Integer> activeTasksOf(String clientId) throws InterruptedException, ExecutionException {
    Set<Integer> tasks = new TreeSet<>();
    for (MemberDescription member : members()) {
      if (member.clientId().startsWith(clientId + "-StreamThread-")) {
        member.assignment().topicPartitions().stream()
            .filter(p -> rawTopics.contains(p.topic()))
            .forEach(p -> tasks.add(p.partition()));
      }
    }
    return tasks;
  }

  /** Whether a consumer of {@code clientId} is a member of the group. */
  boolean isMember(String clientId) throws InterruptedException, ExecutionException {
    return members().stream()
        .anyMatch(member -> member.clientId().startsWith(clientId + "-StreamThread-"));
  }

  private Collection<MemberDescription> members() throws InterruptedException, ExecutionException {
    try {
      ConsumerGroupDescription group =
          admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
      return group == null ? List.of() : group.members();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw e;
    }
  }
}
