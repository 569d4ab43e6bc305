package io.stormwatch.cli.topics;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stormwatch create-topics}: the pipeline's topics, created once, as {@code detect} would.
 */
@Command(
    name = "create-topics",
    description = {
      "Creates the pipeline's missing topics with topic.partitions, topic.replication.factor and"
          + " topic.retention, as 'detect' does at start, waits until the cluster serves them and"
          + " exits: for a one-shot init job (docker-compose, Kubernetes) or for clusters where"
          + " 'detect --no-create-topics' runs without admin rights.",
      "",
      "Exit status: 0 done; 1 failure; 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class CreateTopicsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StormwatchConfig config = cluster.config();
    try (Admin admin = Admin.create(ClusterOptions.clientConfig(config))) {
      List<String> created =
          new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
      out.printf(
          Locale.ROOT,
          "%s on %s%n",
          created.isEmpty() ? "All topics exist" : "Created topics " + created,
          config.bootstrapServers());
    }
    out.flush();
    return 0;
  }
}
