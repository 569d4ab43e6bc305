package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NetworkTest {

  @Test
  void acceptsTheLargestFourByteAsn() {
    Network network = new Network(4_294_967_295L, "Example", null);

    assertThat(network.hasAsn()).isTrue();
    assertThat(network.hasCountry()).isFalse();
  }

  @Test
  void acceptsACountryWithoutAnAsn() {
    Network network = new Network(0, null, "CN");

    assertThat(network.hasAsn()).isFalse();
    assertThat(network.hasCountry()).isTrue();
  }

  @Test
  void rejectsAsnsOutsideFourBytes() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(-1, "Example", "US"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Network(4_294_967_296L, "Example", "US"));
  }

  @Test
  void rejectsCountriesThatAreNotTwoUpperCaseLetters() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(1, "Example", "us"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(1, "Example", "USA"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(1, "Example", ""));
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(1, "Example", "Ü1"));
  }

  @Test
  void rejectsAnOrganisationWithoutAnAsnOrABlankOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(0, "Example", "US"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(1, " ", "US"));
  }

  @Test
  void rejectsANetworkThatSaysNothing() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Network(0, null, null));
  }
}
