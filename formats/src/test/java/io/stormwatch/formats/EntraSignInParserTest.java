package io.stormwatch.formats;

import static io.stormwatch.formats.Fixtures.bytes;
import static io.stormwatch.formats.Fixtures.parsedEvent;
import static io.stormwatch.formats.Fixtures.record;
import static io.stormwatch.formats.Fixtures.rejection;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.EventSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntraSignInParserTest {
  private static final String DIAGNOSTIC = "entra/diagnostic-interactive.json";
  private static final String GRAPH = "entra/graph-interactive.json";
  private static final String LOG_ANALYTICS = "entra/log-analytics-interactive.json";

  private final EntraSignInParser parser = new EntraSignInParser();

  private AuditEvent parse(byte[] message) {
    return parsedEvent(parser.parse(message));
  }

  private Rejected reject(byte[] message) {
    return rejection(parser.parse(message));
  }

  @Nested
  class DiagnosticRecord {
    private final AuditEvent event = parse(bytes(DIAGNOSTIC));

    @Test
    void identifiesTheSignInTenantAndUserInLowerCase() {
      assertThat(event.getEventId()).isEqualTo("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
      assertThat(event.getSource()).isEqualTo(EventSource.ENTRA_SIGN_IN);
      assertThat(event.getKind()).isEqualTo(EventKind.SIGN_IN);
      assertThat(event.getTenantId()).isEqualTo("6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d");
      assertThat(event.getAccountId()).isEqualTo("megan.bowen@contoso.example");
    }

    @Test
    void takesTheOperationFromTheCategory() {
      assertThat(event.getOperation()).isEqualTo("SignInLogs");
      assertThat(event.getRecordType()).isNull();
    }

    @Test
    void takesTheTimeTheSignInHappenedNotTheTimeItWasLogged() {
      assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-03-05T13:58:29.660Z"));
    }

    @Test
    void readsNetworkFacts() {
      assertThat(event.getClientIp()).isEqualTo("203.0.113.77");
      assertThat(event.getAsn()).isEqualTo(64496L);
      assertThat(event.getCountry()).isEqualTo("DE");
    }

    @Test
    void readsTheTokenSessionAppAndResource() {
      assertThat(event.getUniqueTokenId())
          .isEqualTo("MWEyYjNjNGQtNWU2Zi00YTdiLThjOWQtMGUxZjJhM2I0YzVk");
      assertThat(event.getSessionId()).isEqualTo("7c2e4b1a-9f3d-4e8b-a6c5-2d1f0e9b8a7c");
      assertThat(event.getClientAppId()).isEqualTo("00000002-0000-0ff1-ce00-000000000000");
      assertThat(event.getResourceId()).isEqualTo("00000002-0000-0ff1-ce00-000000000000");
      assertThat(event.getUserAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0");
    }

    @Test
    void readsInteractivityAndOutcome() {
      assertThat(event.getInteractive()).isTrue();
      assertThat(event.getSucceeded()).isTrue();
    }

    @Test
    void leavesMailboxFieldsEmpty() {
      assertThat(event.getMailboxOwner()).isNull();
      assertThat(event.getMailAccessType()).isNull();
      assertThat(event.getOperationCount()).isZero();
      assertThat(event.getTokenIssuedAt()).isNull();
    }

    @Test
    void fallsBackToTheEnvelopeTimeWithoutCreatedDateTime() {
      byte[] message =
          record(DIAGNOSTIC)
              .without("properties.createdDateTime")
              .with("time", "12/12/2025 3:03:58 PM")
              .bytes();

      assertThat(parse(message).getEventTime()).isEqualTo(Instant.parse("2025-12-12T15:03:58Z"));
    }

    @Test
    void fallsBackToCallerIpAddressWhenIpAddressIsEmpty() {
      byte[] message =
          record(DIAGNOSTIC)
              .with("properties.ipAddress", "")
              .with("callerIpAddress", "192.0.2.1")
              .bytes();

      assertThat(parse(message).getClientIp()).isEqualTo("192.0.2.1");
    }

    @Test
    void fallsBackToResultTypeWithoutAStatus() {
      byte[] message =
          record(DIAGNOSTIC).without("properties.status").with("resultType", "50140").bytes();

      assertThat(parse(message).getSucceeded()).isFalse();
    }

    @Test
    void derivesInteractivityFromTheCategoryWhenTheFlagIsAbsent() {
      byte[] message = record(DIAGNOSTIC).without("properties.isInteractive").bytes();

      assertThat(parse(message).getInteractive()).isTrue();
    }

    @Test
    void leavesAnEmptySessionIdAndAPlaceholderCountryEmpty() {
      byte[] message =
          record(DIAGNOSTIC)
              .with("properties.sessionId", "")
              .withJson("properties.location", "{\"countryOrRegion\":\"\"}")
              .bytes();

      AuditEvent event = parse(message);

      assertThat(event.getSessionId()).isNull();
      assertThat(event.getCountry()).isNull();
    }
  }

  @Nested
  class PascalCaseDiagnosticRecord {
    private final AuditEvent event = parse(bytes("entra/diagnostic-non-interactive-pascal.json"));

    @Test
    void readsPascalCaseEnvelopeKeys() {
      assertThat(event.getOperation()).isEqualTo("NonInteractiveUserSignInLogs");
      assertThat(event.getTenantId()).isEqualTo("6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d");
      assertThat(event.getEventId()).isEqualTo("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a");
    }

    @Test
    void convertsAnOffsetCreatedDateTimeToUtc() {
      assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-03-05T19:05:10.250Z"));
    }

    @Test
    void derivesNonInteractiveFromTheCategory() {
      assertThat(event.getInteractive()).isFalse();
    }

    @Test
    void readsAnErrorCodeAndAsnSentAsStrings() {
      assertThat(event.getSucceeded()).isFalse();
      assertThat(event.getAsn()).isEqualTo(64500L);
    }

    @Test
    void takesTheCallerAddressWhenTheSignInAddressIsEmpty() {
      assertThat(event.getClientIp()).isEqualTo("198.51.100.23");
    }

    @Test
    void treatsEmptyStringsAsAbsent() {
      assertThat(event.getSessionId()).isNull();
      assertThat(event.getUserAgent()).isNull();
    }
  }

  @Nested
  class ServicePrincipals {
    @Test
    void keysAServicePrincipalSignInByItsServicePrincipalId() {
      AuditEvent event = parse(bytes("entra/diagnostic-service-principal.json"));

      assertThat(event.getAccountId())
          .isEqualTo("serviceprincipal:ab12cd34-0000-4000-8000-000000000009");
      assertThat(event.getInteractive()).isFalse();
      assertThat(event.getClientAppId()).isEqualTo("11112222-3333-4444-5555-666677778888");
    }

    @Test
    void keysAManagedIdentityWithoutServicePrincipalIdByItsAppId() {
      AuditEvent event = parse(bytes("entra/diagnostic-managed-identity.json"));

      assertThat(event.getAccountId())
          .isEqualTo("serviceprincipal:99998888-7777-4666-8555-444433332222");
      assertThat(event.getClientIp()).isNull();
      assertThat(event.getCountry()).isNull();
      assertThat(event.getInteractive()).isFalse();
    }

    @Test
    void neverKeysAUserSignInByItsClientApp() {
      byte[] message = record(DIAGNOSTIC).without("properties.userPrincipalName").bytes();

      Rejected rejected = reject(message);

      assertThat(rejected.errorType()).isEqualTo("missing-field");
      assertThat(rejected.reason()).isEqualTo("userPrincipalName (or servicePrincipalId) missing");
    }
  }

  @Nested
  class GraphResource {
    private final AuditEvent event = parse(bytes(GRAPH));

    @Test
    void readsTheTopLevelCamelCaseFields() {
      assertThat(event.getEventId()).isEqualTo("66b7c8d9-0e1f-4a2b-9c3d-4e5f6a7b8c9d");
      assertThat(event.getAccountId()).isEqualTo("adelev@contoso.example");
      assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-03-05T13:58:29Z"));
      assertThat(event.getUniqueTokenId()).isEqualTo("ZmFrZS11dGktZm9yLWdyYXBo");
      assertThat(event.getResourceId()).isEqualTo("00000003-0000-0000-c000-000000000000");
    }

    @Test
    void namesTheOperationSignInForLackOfACategory() {
      assertThat(event.getOperation()).isEqualTo("SignIn");
    }

    @Test
    void takesTheTenantFromTheResourceTenant() {
      assertThat(event.getTenantId()).isEqualTo("6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d");
    }

    @Test
    void compressesAnIpv6Address() {
      assertThat(event.getClientIp()).isEqualTo("2001:db8:85a3::8a2e:370:7334");
    }

    @Test
    void readsAFailedInteractiveSignIn() {
      assertThat(event.getSucceeded()).isFalse();
      assertThat(event.getInteractive()).isTrue();
      assertThat(event.getCountry()).isEqualTo("US");
      assertThat(event.getAsn()).isEqualTo(64511L);
    }

    @Test
    void readsANonInteractiveSignIn() {
      AuditEvent nonInteractive = parse(bytes("entra/graph-non-interactive.json"));

      assertThat(nonInteractive.getInteractive()).isFalse();
      assertThat(nonInteractive.getSucceeded()).isTrue();
      assertThat(nonInteractive.getTenantId()).isEqualTo("6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d");
    }

    @Test
    void readsEveryEntryOfAGraphPage() {
      List<ParseResult> results = parser.parse(bytes("entra/graph-page.json"));

      assertThat(results).hasSize(2).allMatch(Parsed.class::isInstance);
    }
  }

  @Nested
  class LogAnalyticsRow {
    private final AuditEvent event = parse(bytes(LOG_ANALYTICS));

    @Test
    void takesTheEntraTenantNotTheWorkspaceId() {
      assertThat(event.getTenantId()).isEqualTo("6e1a3b2c-8d4f-4a7b-9c0d-1e2f3a4b5c6d");
    }

    @Test
    void readsThePascalCaseColumns() {
      assertThat(event.getEventId()).isEqualTo("4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8");
      assertThat(event.getOperation()).isEqualTo("SignInLogs");
      assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-03-05T13:58:29.660Z"));
      assertThat(event.getClientIp()).isEqualTo("203.0.113.77");
      assertThat(event.getAsn()).isEqualTo(64496L);
      assertThat(event.getCountry()).isEqualTo("GB");
      assertThat(event.getUniqueTokenId()).isEqualTo("LAUniqueTokenId00000001");
      assertThat(event.getSessionId()).isEqualTo("7c2e4b1a-9f3d-4e8b-a6c5-2d1f0e9b8a7c");
      assertThat(event.getInteractive()).isTrue();
      assertThat(event.getSucceeded()).isTrue();
    }

    @Test
    void takesTheResourceIdentityNotTheAzureResourcePath() {
      assertThat(event.getResourceId()).isEqualTo("00000002-0000-0ff1-ce00-000000000000");
    }

    @Test
    void readsStatusAndLocationDetailsSentAsJsonStrings() {
      AuditEvent nonInteractive = parse(bytes("entra/log-analytics-non-interactive.json"));

      assertThat(nonInteractive.getSucceeded()).isTrue();
      assertThat(nonInteractive.getCountry()).isEqualTo("US");
      assertThat(nonInteractive.getInteractive()).isFalse();
      assertThat(nonInteractive.getClientAppId()).isEqualTo("d3590ed6-52b3-4102-aeff-aad2292ab01c");
      assertThat(nonInteractive.getAccountId()).isEqualTo("megan.bowen@contoso.example");
    }

    @Test
    void readsAnExportedArrayOfRows() {
      String export =
          "["
              + new String(bytes(LOG_ANALYTICS), UTF_8).strip()
              + ",\n"
              + new String(bytes("entra/log-analytics-non-interactive.json"), UTF_8).strip()
              + "]";

      assertThat(parser.parse(export.getBytes(UTF_8)))
          .hasSize(2)
          .allMatch(Parsed.class::isInstance);
    }
  }

  @Nested
  class Envelopes {
    @Test
    void readsEachRecordOfAnEventHubEnvelopeAndRejectsOnlyTheBrokenOne() {
      List<ParseResult> results = parser.parse(bytes("entra/event-hub-envelope.json"));

      assertThat(results).hasSize(3);
      assertThat(((Parsed) results.get(0)).event().getInteractive()).isTrue();
      assertThat(((Parsed) results.get(2)).event().getInteractive()).isFalse();
      Rejected broken = (Rejected) results.get(1);
      assertThat(broken.errorType()).isEqualTo("bad-time");
      assertThat(broken.reason()).isEqualTo("createdDateTime 'yesterday at noon' is not a time");
      assertThat(new String(broken.recordBytes(), UTF_8))
          .startsWith("{\"time\":\"2024-03-05T15:00:01.0000000Z\"")
          .endsWith("\"status\":{\"errorCode\":0}}}");
    }

    @Test
    void yieldsNothingForAnEmptyEnvelope() {
      assertThat(parser.parse("{\"records\":[]}".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void rejectsTheRestOfATruncatedEnvelope() {
      byte[] whole = bytes("entra/event-hub-envelope.json");
      byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 40);

      List<ParseResult> results = parser.parse(truncated);

      assertThat(results).hasSize(3);
      assertThat(results.get(2)).isInstanceOf(Rejected.class);
      assertThat(((Rejected) results.get(2)).errorType()).isEqualTo("not-json");
    }
  }

  @Nested
  class RequiredFields {
    @Test
    void rejectsASignInWithoutId() {
      assertThat(reject(record(DIAGNOSTIC).without("properties.id").bytes()).reason())
          .isEqualTo("id missing");
    }

    @Test
    void rejectsASignInWithoutTenant() {
      byte[] message = record(GRAPH).without("homeTenantId").without("resourceTenantId").bytes();

      assertThat(reject(message).reason()).isEqualTo("tenantId missing");
    }

    @Test
    void rejectsASignInWithoutAnyTime() {
      byte[] message = record(GRAPH).without("createdDateTime").bytes();

      assertThat(reject(message).reason()).isEqualTo("createdDateTime (or time) missing");
    }

    @Test
    void rejectsAnUnreadableTime() {
      Rejected rejected =
          reject(record(GRAPH).with("createdDateTime", "13/01/2007 10:00:00").bytes());

      assertThat(rejected.errorType()).isEqualTo("bad-time");
      assertThat(rejected.reason())
          .isEqualTo("createdDateTime '13/01/2007 10:00:00' is not a time");
    }

    @Test
    void namesAUnifiedAuditLogRecordSentToTheSignInTopic() {
      Rejected rejected = reject(bytes("ual/owa-auth.json"));

      assertThat(rejected.errorType()).isEqualTo("unsupported-shape");
    }
  }
}
