package io.stormwatch.sim.msformat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.PopulationMix;
import io.stormwatch.sim.world.User;
import io.stormwatch.sim.world.WorldBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInRecordWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant ISSUED = Instant.parse("2026-03-10T08:31:02.1234567Z");

  private final User user =
      new WorldBuilder(NetworkCatalogue.standard())
          .build(42, 1, 1, new PopulationMix(0, 0, 0, 0))
          .users()
          .findFirst()
          .orElseThrow();

  private final SignInRecordWriter writer = new SignInRecordWriter(new JsonFactory());

  @Test
  void anInteractiveSignInIsASignInLogsRecordInTheDiagnosticEnvelope() throws IOException {
    JsonNode record = write(true);

    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "time",
            "resourceId",
            "operationName",
            "operationVersion",
            "category",
            "tenantId",
            "resultType",
            "resultSignature",
            "durationMs",
            "callerIpAddress",
            "correlationId",
            "identity",
            "Level",
            "location",
            "properties");
    assertThat(record.path("time").asText()).isEqualTo("2026-03-10T08:31:02.1234567Z");
    assertThat(record.path("category").asText()).isEqualTo("SignInLogs");
    assertThat(record.path("resultType").asText()).isEqualTo("0");
    JsonNode properties = record.path("properties");
    assertThat(properties.path("createdDateTime").asText())
        .isEqualTo("2026-03-10T08:31:02.1234567+00:00");
    assertThat(properties.path("isInteractive").asBoolean()).isTrue();
    assertThat(properties.path("incomingTokenType").asText()).isEqualTo("none");
    assertThat(properties.path("authenticationRequirement").asText())
        .isEqualTo("multiFactorAuthentication");
    assertThat(properties.path("resourceId").asText())
        .isEqualTo("00000002-0000-0ff1-ce00-000000000000");
  }

  @Test
  void aRefreshIsANonInteractiveRecordThatRedeemedARefreshToken() throws IOException {
    JsonNode record = write(false);

    assertThat(record.path("category").asText()).isEqualTo("NonInteractiveUserSignInLogs");
    assertThat(record.path("properties").path("isInteractive").asBoolean()).isFalse();
    assertThat(record.path("properties").path("incomingTokenType").asText())
        .isEqualTo("refreshToken");
  }

  @Test
  void theRecordCarriesTheTokenSessionAndNetwork() throws IOException {
    JsonNode properties = write(true).path("properties");

    assertThat(properties.path("uniqueTokenIdentifier").asText())
        .isEqualTo(new Id128(11, 12).asUti());
    assertThat(properties.path("sessionId").asText()).isEqualTo(new Id128(21, 22).asGuid());
    assertThat(properties.path("autonomousSystemNumber").asLong()).isEqualTo(user.homeIsp().asn());
    assertThat(properties.path("location").path("countryOrRegion").asText())
        .isEqualTo(user.homeIsp().country());
    assertThat(properties.path("userPrincipalName").asText()).isEqualTo(user.upn());
    assertThat(properties.path("appId").asText()).isEqualTo(user.client().app().appId());
  }

  private JsonNode write(boolean interactive) throws IOException {
    TokenGrant grant =
        new TokenGrant(
            new Id128(11, 12),
            new Id128(13, 14),
            new Id128(15, 16),
            ISSUED,
            ISSUED.plusSeconds(3_600),
            interactive);
    return JSON.readTree(
        writer.write(grant.signIn(user, new Id128(21, 22), user.homeIsp(), "98.192.0.10")));
  }
}
