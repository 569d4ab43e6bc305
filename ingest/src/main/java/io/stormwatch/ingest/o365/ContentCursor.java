package io.stormwatch.ingest.o365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one tenant's content feed has been read: the creation time up to which every listed blob
 * has been taken, and the blobs taken close before it (within the relist overlap).
 *
 * <p>A poll lists the feed again from {@code position - overlap}, because content can become
 * listable a while after its creation time; the blobs met there that were already taken are
 * recognised by their id and skipped. Ids are kept as 128-bit digests, which bounds a checkpoint by
 * the blobs of one overlap, however long their ids. Immutable.
 *
 * @param position every listed blob created before this has been taken or skipped
 * @param recent digests of blobs taken at or after {@code position - overlap}, with their creation
 *     time
 */
public record ContentCursor(Instant position, Map<String, Instant> recent) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public ContentCursor {
    recent = Map.copyOf(recent);
  }

  /** A feed read from nothing: it starts at {@code position}. */
  public static ContentCursor startingAt(Instant position) {
    return new ContentCursor(position, Map.of());
  }

  /** Where the next listing starts: the overlap before the position. */
  public Instant relistFrom(Duration overlap) {
    return position.minus(overlap);
  }

  /** Whether the blob with this id has been taken (or skipped) already. */
  public boolean hasTaken(String contentId) {
    return recent.containsKey(digest(contentId));
  }

  /** This cursor with {@code blob} taken: the position moves to its creation time if later. */
  public ContentCursor taken(ContentBlob blob, Duration overlap) {
    Map<String, Instant> next = new TreeMap<>(recent);
    next.put(digest(blob.contentId()), blob.created());
    Instant moved = blob.created().isAfter(position) ? blob.created() : position;
    return new ContentCursor(moved, prune(next, moved.minus(overlap)));
  }

  /** This cursor once everything created before {@code end} has been listed and taken. */
  public ContentCursor listedUntil(Instant end, Duration overlap) {
    if (!end.isAfter(position)) {
      return this;
    }
    return new ContentCursor(end, prune(new TreeMap<>(recent), end.minus(overlap)));
  }

  /** The checkpoint value: {@code {"position":"...","recent":{"<digest>":"<created>",...}}}. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("position", position.toString());
    ObjectNode taken = root.putObject("recent");
    new TreeMap<>(recent).forEach((id, created) -> taken.put(id, created.toString()));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a checkpoint value.
   *
   * @throws IllegalArgumentException if it is not one {@link #toJson()} wrote
   */
  public static ContentCursor fromJson(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      Instant position = Instant.parse(root.path("position").asText());
      Map<String, Instant> recent = new TreeMap<>();
      root.path("recent")
          .properties()
          .forEach(e -> recent.put(e.getKey(), Instant.parse(e.getValue().asText())));
      return new ContentCursor(position, recent);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "not a content feed checkpoint: " + new String(json, StandardCharsets.UTF_8), e);
    }
  }

  private static Map<String, Instant> prune(Map<String, Instant> taken, Instant keepFrom) {
    taken.values().removeIf(created -> created.isBefore(keepFrom));
    return taken;
  }

  static String digest(String contentId) {
    try {
      byte[] sha256 =
          MessageDigest.getInstance("SHA-256").digest(contentId.getBytes(StandardCharsets.UTF_8));
      return BASE64URL.encodeToString(Arrays.copyOf(sha256, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
