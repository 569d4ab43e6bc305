package io.stormwatch.ingest.o365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContentCursorTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
  private static final Duration OVERLAP = Duration.ofHours(1);

  @Test
  void takingABlobMovesThePositionToItsCreationAndRemembersIt() {
    ContentCursor cursor =
        ContentCursor.startingAt(T0).taken(blob("a", T0.plusSeconds(600)), OVERLAP);

    assertThat(cursor.position()).isEqualTo(T0.plusSeconds(600));
    assertThat(cursor.hasTaken("a")).isTrue();
    assertThat(cursor.hasTaken("b")).isFalse();
    assertThat(cursor.relistFrom(OVERLAP)).isEqualTo(T0.plusSeconds(600).minus(OVERLAP));
  }

  @Test
  void anOlderBlobTakenLateDoesNotMoveThePositionBack() {
    ContentCursor cursor =
        ContentCursor.startingAt(T0).taken(blob("late", T0.minusSeconds(300)), OVERLAP);

    assertThat(cursor.position()).isEqualTo(T0);
    assertThat(cursor.hasTaken("late")).isTrue();
  }

  @Test
  void forgetsBlobsCreatedBeforeTheOverlapThatWillNotBeListedAgain() {
    ContentCursor cursor =
        ContentCursor.startingAt(T0)
            .taken(blob("old", T0.plusSeconds(60)), OVERLAP)
            .taken(blob("recent", T0.plus(Duration.ofMinutes(90))), OVERLAP)
            .listedUntil(T0.plus(Duration.ofMinutes(100)), OVERLAP);

    assertThat(cursor.position()).isEqualTo(T0.plus(Duration.ofMinutes(100)));
    assertThat(cursor.hasTaken("old")).isFalse();
    assertThat(cursor.hasTaken("recent")).isTrue();
    assertThat(cursor.recent()).hasSize(1);
  }

  @Test
  void keepsIdsAsFixedSizeDigestsWhateverTheirLength() {
    String longId =
        "492638008028$492638008028$f28ab78ad40140608012736e373933ebspo2015043022$".repeat(5);

    ContentCursor cursor = ContentCursor.startingAt(T0).taken(blob(longId, T0), OVERLAP);

    assertThat(cursor.recent().keySet()).singleElement().satisfies(k -> assertThat(k).hasSize(22));
  }

  @Test
  void survivesTheRoundTripThroughItsCheckpointValue() {
    ContentCursor cursor =
        ContentCursor.startingAt(T0)
            .taken(blob("a", T0.plusSeconds(1)), OVERLAP)
            .taken(blob("b", T0.plusSeconds(2)), OVERLAP);

    assertThat(ContentCursor.fromJson(cursor.toJson())).isEqualTo(cursor);
    assertThatThrownBy(() -> ContentCursor.fromJson("{}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ContentBlob blob(String id, Instant created) {
    return new ContentBlob(
        id, URI.create("http://x/" + id.length()), created, created.plus(Duration.ofDays(7)));
  }
}
