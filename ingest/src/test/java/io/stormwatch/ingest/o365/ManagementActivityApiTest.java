package io.stormwatch.ingest.o365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.ingest.auth.AuthenticationException;
import io.stormwatch.ingest.auth.CertificateFiles;
import io.stormwatch.ingest.auth.ClientCredential;
import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import io.stormwatch.ingest.auth.ClientCredential.ClientSecret;
import io.stormwatch.ingest.http.RetryPolicy;
import io.stormwatch.ingest.testing.FakeManagementActivityApi;
import io.stormwatch.ingest.testing.MutableClock;
import io.stormwatch.ingest.testing.TestCertificates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API client against a local server that follows the documented contract. */
class ManagementActivityApiTest {

  private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
  private static final String TENANT = "41463f53-8812-40f4-890f-865bf6e35190";
  private static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
  private static final String SECRET = "s3cret~value-never-printed";
  private static final String PUBLISHER = "46b472a7-c68e-4adf-8ade-3db49497518e";
  private static final String EXCHANGE = ContentTypes.EXCHANGE;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private final List<Duration> waits = new ArrayList<>();
  private FakeManagementActivityApi fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeManagementActivityApi(clock);
    fake.registerSecret(CLIENT, SECRET);
    fake.expectPublisher(PUBLISHER);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void listsEveryPageInCreationOrderDroppingItemsRepeatedAcrossPages() throws Exception {
    for (int i = 0; i < 7; i++) {
      fake.addBlob(TENANT, EXCHANGE, "blob-" + i, NOW.minusSeconds(3600 - i * 60L), List.of());
    }
    fake.pageSize(3);
    fake.scrambleOrder(true);
    fake.repeatAcrossPages(true);
    ManagementActivityApi api = api(new ClientSecret(SECRET));
    api.startSubscription(TENANT, EXCHANGE);

    ContentListing listing = api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(7200), NOW);

    assertThat(listing.pages()).isEqualTo(3);
    assertThat(listing.repeated()).isEqualTo(2);
    assertThat(listing.blobs())
        .extracting(ContentBlob::contentId)
        .containsExactly("blob-0", "blob-1", "blob-2", "blob-3", "blob-4", "blob-5", "blob-6");
    assertThat(fake.requestsWithoutPublisher()).isEmpty();
  }

  @Test
  void waitsOutThrottlingAndCountsIt() throws Exception {
    fake.addBlob(TENANT, EXCHANGE, "blob", NOW.minusSeconds(60), List.of("{\"Id\":\"1\"}"));
    ManagementActivityApi api = api(new ClientSecret(SECRET));
    api.startSubscription(TENANT, EXCHANGE);
    fake.throttleNext(2, 3);

    ContentListing listing = api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(3600), NOW);

    assertThat(listing.blobs()).hasSize(1);
    assertThat(api.throttledResponses()).isEqualTo(2);
    assertThat(waits)
        .hasSize(2)
        .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void fetchesABlobAsSentAndReportsAnExpiredOneAsUnavailable() throws Exception {
    fake.addBlob(TENANT, EXCHANGE, "fresh", NOW.minusSeconds(60), List.of("{\"Id\":\"1\"}"));
    fake.addBlob(
        new FakeManagementActivityApi.Blob(
            TENANT,
            EXCHANGE,
            "stale",
            NOW.minusSeconds(120),
            NOW.minusSeconds(1),
            NOW.minusSeconds(120),
            "[]".getBytes(StandardCharsets.UTF_8)));
    ManagementActivityApi api = api(new ClientSecret(SECRET));
    api.startSubscription(TENANT, EXCHANGE);
    ContentListing listing = api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(3600), NOW);

    assertThat(new String(api.fetchContent(TENANT, listing.blobs().get(1)), StandardCharsets.UTF_8))
        .isEqualTo("[{\"Id\":\"1\"}]");
    assertThatThrownBy(() -> api.fetchContent(TENANT, listing.blobs().get(0)))
        .isInstanceOfSatisfying(
            ContentUnavailableException.class, e -> assertThat(e.expired()).isTrue());
  }

  @Test
  void startingASubscriptionTwiceIsFineAndListingWithoutOneIsAnError() throws Exception {
    ManagementActivityApi api = api(new ClientSecret(SECRET));

    assertThatThrownBy(() -> api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(60), NOW))
        .isInstanceOfSatisfying(
            ManagementApiException.class, e -> assertThat(e.code()).isEqualTo("AF20022"));
    api.startSubscription(TENANT, EXCHANGE);
    api.startSubscription(TENANT, EXCHANGE);

    assertThat(fake.subscriptions()).containsExactly(TENANT + "/" + EXCHANGE);
  }

  @Test
  void reusesATokenAndRenewsItWhenTheApiRefusesIt() throws Exception {
    ManagementActivityApi api = api(new ClientSecret(SECRET));
    api.startSubscription(TENANT, EXCHANGE);
    api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(60), NOW);
    assertThat(fake.tokensIssued()).isEqualTo(1);

    fake.revokeTokens();
    api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(60), NOW);

    assertThat(fake.tokensIssued()).isEqualTo(2);
  }

  @Test
  void signsInWithACertificate() throws Exception {
    ClientCertificate certificate =
        CertificateFiles.load(
            TestCertificates.pkcs12(dir, "app"), TestCertificates.PASSWORD.toCharArray());
    fake.registerCertificate(CLIENT, certificate.certificate());
    ManagementActivityApi api = api(certificate);

    api.startSubscription(TENANT, EXCHANGE);

    assertThat(fake.subscriptions()).hasSize(1);
  }

  @Test
  void reportsARefusedSecretWithEntraIdsErrorButNotTheSecret() {
    ManagementActivityApi api = api(new ClientSecret("wrong-" + SECRET));

    assertThatThrownBy(() -> api.startSubscription(TENANT, EXCHANGE))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid_client: AADSTS7000215")
        .hasMessageContaining(TENANT)
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining("Trace ID");
  }

  @Test
  void neverSendsTheTokenToAHostANextPageUriNames() throws Exception {
    for (int i = 0; i < 3; i++) {
      fake.addBlob(TENANT, EXCHANGE, "blob-" + i, NOW.minusSeconds(600 - i), List.of());
    }
    fake.pageSize(1);
    fake.linkNextPagesTo("http://attacker.example");
    ManagementActivityApi api = api(new ClientSecret(SECRET));
    api.startSubscription(TENANT, EXCHANGE);

    assertThatThrownBy(() -> api.listContent(TENANT, EXCHANGE, NOW.minusSeconds(3600), NOW))
        .isInstanceOf(ManagementApiException.class)
        .hasMessageContaining("refusing to send the tenant's token to http://attacker.example");
  }

  private ManagementActivityApi api(ClientCredential credential) {
    URI root = fake.root();
    O365Settings settings =
        new O365Settings(
            List.of(TENANT),
            List.of(EXCHANGE),
            CLIENT,
            credential,
            root,
            root,
            MicrosoftCloud.COMMERCIAL.apiRoot().toString(),
            Optional.of(PUBLISHER),
            Duration.ofMinutes(5),
            Duration.ofDays(1),
            Duration.ofHours(1),
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5)),
            Duration.ofSeconds(30));
    return ManagementActivityApi.connect(
        settings,
        clock,
        d -> {
          waits.add(d);
          return true;
        });
  }
}
