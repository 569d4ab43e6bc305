package io.stormwatch.kafka.embedded;

import java.util.Map;
import org.apache.kafka.server.policy.CreateTopicPolicy;

/** A broker plug-in that cannot be configured: it makes the controller fail during start. */
public class RefusingCreateTopicPolicy implements CreateTopicPolicy {

  @Override
  public void configure(Map<String, ?> configs) {
    throw new IllegalStateException("this policy refuses to be configured");
  }

  @Override
  public void validate(RequestMetadata requestMetadata) {}

  @Override
  public void close() {}
}
