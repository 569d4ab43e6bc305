package io.stormwatch.detector.ocsf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** OCSF findings as JSON: snake-case attribute names, nothing null or empty written. */
public final class OcsfJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          // A finding written by a later Stormwatch may carry attributes this one does not know.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private OcsfJson() {}

  /** The finding as UTF-8 JSON. */
  public static byte[] write(DetectionFinding finding) {
    try {
      return MAPPER.writeValueAsBytes(finding);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write OCSF finding " + finding.findingInfo(), e);
    }
  }

  /**
   * Reads a finding written by {@link #write}.
   *
   * @throws SerializationException if {@code json} is not one
   */
  public static DetectionFinding read(byte[] json) {
    try {
      return MAPPER.readValue(json, DetectionFinding.class);
    } catch (IOException e) {
      throw new SerializationException("not an OCSF Detection Finding: " + e.getMessage(), e);
    }
  }

  /** Values of the OCSF alerts topic. */
  public static Serde<DetectionFinding> serde() {
    Serializer<DetectionFinding> serializer =
        (topic, finding) -> finding == null ? null : write(finding);
    Deserializer<DetectionFinding> deserializer =
        (topic, bytes) -> bytes == null ? null : read(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
