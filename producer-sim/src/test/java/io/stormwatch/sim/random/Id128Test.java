package io.stormwatch.sim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Id128Test {

  @Test
  void utiIsTheUnpaddedBase64UrlOfTheSixteenBytes() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      Id128 id = Id128.randomBytes(rng);
      byte[] bytes = ByteBuffer.allocate(16).putLong(id.hi()).putLong(id.lo()).array();

      assertThat(id.asUti())
          .hasSize(22)
          .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
  }

  @Test
  void guidIsLowerCaseVersionFourText() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 1_000; i++) {
      Id128 id = Id128.randomGuid(rng);
      UUID uuid = new UUID(id.hi(), id.lo());

      assertThat(id.asGuid()).isEqualTo(uuid.toString());
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
  }

  @Test
  void derivedStreamsDependOnEveryStepOfThePath() {
    assertThat(Seeds.derive(42, 1, 2)).isEqualTo(Seeds.derive(42, 1, 2));
    assertThat(Seeds.derive(42, 1, 2)).isNotEqualTo(Seeds.derive(42, 2, 1));
    assertThat(Seeds.derive(42, 1, 2)).isNotEqualTo(Seeds.derive(43, 1, 2));
    assertThat(Seeds.derive(42, 0)).isNotEqualTo(Seeds.derive(42));
  }
}
