/**
 * Parsers of Microsoft's audit records into the normalised {@code AuditEvent}: {@link
 * io.stormwatch.formats.UnifiedAuditLogParser} and {@link io.stormwatch.formats.EntraSignInParser}
 * take one Kafka message and answer with one {@link io.stormwatch.formats.ParseResult} per record,
 * never throwing. Plain Java; no Kafka here.
 */
package io.stormwatch.formats;
